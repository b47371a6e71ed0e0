// The butler's phone page: a check-in carries the phone's position when the butler allows it (optional; without it
// the check-in is recorded with the time only).
(function () {
  "use strict";
  var position = null;
  if (navigator.geolocation) {
    navigator.geolocation.getCurrentPosition(function (p) { position = p.coords; }, function () {},
      { enableHighAccuracy: false, maximumAge: 300000, timeout: 10000 });
  }
  document.addEventListener("htmx:configRequest", function (event) {
    if (position && event.detail.elt.classList.contains("check-in-button")) {
      event.detail.parameters.latitude = position.latitude.toFixed(6);
      event.detail.parameters.longitude = position.longitude.toFixed(6);
    }
  });
})();
