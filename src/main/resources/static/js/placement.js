// Placement forms: when the facility picker's choice changes, load that facility's own beds or classes.
// The picker (app.js) fires "change" on its hidden field; a wrapper marked data-refresh-url says what to load and
// where to put it. Without JavaScript the forms still work: the server checks the ids and explains what is missing.
(function () {
  "use strict";

  document.addEventListener("change", function (event) {
    var hidden = event.target;
    if (!hidden.matches || !hidden.matches("[data-picker-value]")) {
      return;
    }
    var box = hidden.closest("[data-refresh-url]");
    if (!box || typeof htmx === "undefined") {
      return;
    }
    var values = {};
    values[hidden.name] = hidden.value;
    var form = box.closest("form");
    (box.getAttribute("data-refresh-keep") || "").split(" ").forEach(function (name) {
      var kept = name && form ? form.querySelector("[name='" + name + "']") : null;
      if (kept && !kept.disabled) {
        values[name] = kept.value;
      }
    });
    htmx.ajax("GET", box.getAttribute("data-refresh-url"), {
      target: box.getAttribute("data-refresh-target"), swap: "outerHTML", values: values
    });
  });
})();
