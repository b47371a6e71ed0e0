// The quote calculator shows only the facts of the chosen programme; the others are disabled so they are not sent.
(function () {
  'use strict';

  function show(form) {
    var programme = form.querySelector('#quote-programme').value;
    form.querySelectorAll('.quote-facts').forEach(function (fieldset) {
      var active = fieldset.getAttribute('data-programme') === programme;
      fieldset.hidden = !active;
      fieldset.disabled = !active;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('quote-form');
    if (!form) {
      return;
    }
    show(form);
    form.querySelector('#quote-programme').addEventListener('change', function () { show(form); });
  });
})();

// The one-time subsidy application shows only the picker (institution or provider) of the chosen programme.
(function () {
  'use strict';

  function show(form) {
    var programme = form.querySelector('#grant-programme').value;
    form.querySelectorAll('.grant-subject').forEach(function (field) {
      var active = field.getAttribute('data-programme') === programme;
      field.hidden = !active;
      field.querySelectorAll('input').forEach(function (input) { input.disabled = !active; });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('grant-apply');
    if (!form) {
      return;
    }
    show(form);
    form.querySelector('#grant-programme').addEventListener('change', function () { show(form); });
  });
})();
