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
