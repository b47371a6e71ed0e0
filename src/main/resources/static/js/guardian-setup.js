// Guardian management pages: a form with data-confirm asks before it is sent (rotating or revoking a key, unbinding a
// device, removing a safe zone). Inline handlers are not allowed by the content security policy.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
}, true);
