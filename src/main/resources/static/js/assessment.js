// Live subtotals, total and level on the capability assessment form (GB/T 42195-2022).
// The server scores again on saving; this only helps the assessor see the result while filling in.
// No level is shown until every item is scored: a level of an unfinished form would be a wrong level.
(function () {
  'use strict';

  function initialLevel(total) {
    if (total === 90) { return 0; }
    if (total >= 66) { return 1; }
    if (total >= 46) { return 2; }
    return total >= 30 ? 3 : 4;
  }

  function finalLevel(form, total) {
    if (form.querySelector('#coma').checked) { return 4; }
    var raises = 0;
    var diagnoses = form.querySelector('#diagnoses').value.toUpperCase().split(/[\s,，、]+/);
    if (diagnoses.some(function (code) { return /^F\d{2}/.test(code); })) { raises++; }
    if (parseInt(form.querySelector('#riskEvents').value, 10) >= 2) { raises++; }
    return Math.min(4, initialLevel(total) + raises);
  }

  function update(form) {
    var subtotals = {};
    var total = 0;
    var scored = 0;
    form.querySelectorAll('input[type=radio]:checked').forEach(function (input) {
      var score = parseInt(input.value, 10);
      subtotals[input.dataset.group] = (subtotals[input.dataset.group] || 0) + score;
      total += score;
      scored++;
    });
    form.querySelectorAll('[id^=subtotal-]').forEach(function (cell) {
      cell.textContent = subtotals[cell.id.substring('subtotal-'.length)] || 0;
    });
    form.querySelector('#total').textContent = total;
    var items = parseInt(form.getAttribute('data-items'), 10);
    var live = form.querySelector('#live-level');
    if (scored < items) {
      live.textContent = (live.getAttribute('data-pending') || '')
          .replace('{0}', String(scored)).replace('{1}', String(items));
      live.classList.add('text-muted');
      return;
    }
    var level = finalLevel(form, total);
    live.classList.remove('text-muted');
    live.textContent = level + ' ' + form.getAttribute('data-level-' + level);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.addEventListener('click', function () { window.print(); });
    });
    var form = document.getElementById('assessment-form');
    if (!form) { return; }
    form.addEventListener('input', function () { update(form); });
    form.addEventListener('change', function () { update(form); });
    update(form);
  });
})();
