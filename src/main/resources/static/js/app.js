// The shell's small script: no inline scripts anywhere, so the Content-Security-Policy can forbid them.
(function () {
  "use strict";

  function renderCharts(root) {
    if (typeof echarts === "undefined") {
      return;
    }
    root.querySelectorAll("[data-chart]").forEach(function (element) {
      var data = JSON.parse(element.getAttribute("data-chart"));
      var chart = echarts.init(element);
      chart.setOption({
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
        xAxis: { type: "category", data: data.labels, axisLabel: { rotate: 60, interval: 0, fontSize: 11 } },
        yAxis: { type: "value", minInterval: 1 },
        series: data.series.map(function (s) {
          return { name: s.name, type: "bar", data: s.values };
        })
      });
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { renderCharts(document); });
  document.addEventListener("htmx:afterSwap", function (event) { renderCharts(event.target); });
})();

// Tabs loaded with htmx: mark the clicked one active.
document.addEventListener("click", function (event) {
  var link = event.target.closest("[data-tab-link]");
  if (!link) {
    return;
  }
  link.closest(".nav").querySelectorAll(".nav-link").forEach(function (other) { other.classList.remove("active"); });
  link.classList.add("active");
});

// "Back" links on error pages (no inline script or javascript: address under the Content-Security-Policy).
document.addEventListener("click", function (event) {
  var back = event.target.closest("[data-back]");
  if (back && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
});

// Pickers (fragments/picker.html): choose a person, facility, division or user by name; the form gets the id.
(function () {
  "use strict";

  function pickerOf(element) {
    return element && element.closest("[data-picker]");
  }

  function close(picker) {
    var options = picker.querySelector(".picker-options");
    options.innerHTML = "";
    picker.querySelector("[data-picker-term]").setAttribute("aria-expanded", "false");
  }

  function choose(option) {
    var picker = pickerOf(option);
    var hidden = picker.querySelector("[data-picker-value]");
    var term = picker.querySelector("[data-picker-term]");
    hidden.value = option.getAttribute("data-pick-value");
    term.value = option.getAttribute("data-pick-label");
    term.classList.remove("is-invalid");
    close(picker);
    hidden.dispatchEvent(new Event("change", { bubbles: true }));
  }

  document.addEventListener("click", function (event) {
    var option = event.target.closest(".picker-option");
    if (option) {
      event.preventDefault();
      choose(option);
      return;
    }
    document.querySelectorAll("[data-picker]").forEach(function (picker) {
      if (!picker.contains(event.target)) {
        close(picker);
      }
    });
  });

  // typing after a choice forgets it: a name typed but not chosen must not submit someone else's id
  document.addEventListener("input", function (event) {
    if (event.target.matches("[data-picker-term]")) {
      var picker = pickerOf(event.target);
      var hidden = picker.querySelector("[data-picker-value]");
      if (hidden.value !== "") {
        hidden.value = "";
        hidden.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.target.classList && event.target.classList.contains("picker-options")) {
      var picker = pickerOf(event.target);
      picker.querySelector("[data-picker-term]")
          .setAttribute("aria-expanded", event.target.children.length > 0 ? "true" : "false");
    }
  });

  document.addEventListener("keydown", function (event) {
    if (!event.target.matches("[data-picker-term], .picker-option")) {
      return;
    }
    var picker = pickerOf(event.target);
    var options = Array.prototype.slice.call(picker.querySelectorAll(".picker-option"));
    var index = options.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && options.length > 0) {
      event.preventDefault();
      options[Math.min(index + 1, options.length - 1)].focus();
    } else if (event.key === "ArrowUp" && options.length > 0) {
      event.preventDefault();
      if (index <= 0) {
        picker.querySelector("[data-picker-term]").focus();
      } else {
        options[index - 1].focus();
      }
    } else if (event.key === "Enter") {
      // Enter chooses the focused option, or the only one; it never submits the form half-filled
      if (index >= 0) {
        event.preventDefault();
        choose(options[index]);
      } else if (event.target.matches("[data-picker-term]")) {
        event.preventDefault();
        if (options.length === 1) {
          choose(options[0]);
        }
      }
    } else if (event.key === "Escape") {
      close(picker);
    }
  });

  // a form whose required picker has text but no choice says so instead of submitting
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var pending = Array.prototype.slice.call(form.querySelectorAll("[data-picker]")).filter(function (picker) {
      var term = picker.querySelector("[data-picker-term]");
      return term.value.trim() !== "" && picker.querySelector("[data-picker-value]").value === "";
    });
    if (pending.length > 0) {
      event.preventDefault();
      pending.forEach(function (picker) {
        picker.querySelector("[data-picker-term]").classList.add("is-invalid");
      });
      pending[0].querySelector("[data-picker-term]").focus();
    }
  }, true);
})();
