// Indicators dashboard and plan registry: widths from data attributes (no inline styles under the CSP) and the
// ECharts of the dashboard, drawn from JSON in data attributes (no inline scripts).
(function () {
  "use strict";

  var STATUS_COLOURS = { ACHIEVED: "#198754", ON_TRACK: "#0d6efd", AT_RISK: "#fd7e14", OFF_TRACK: "#dc3545" };

  function widths(root) {
    root.querySelectorAll("[data-pct]").forEach(function (element) {
      var pct = Math.max(0, Math.min(100, parseFloat(element.getAttribute("data-pct")) || 0));
      element.style.width = pct + "%";
    });
  }

  function trend(element, data) {
    var chart = echarts.init(element);
    chart.setOption({
      tooltip: { trigger: "axis" },
      grid: { left: 8, right: 16, bottom: 8, top: 24, containLabel: true },
      xAxis: { type: "category", data: data.years },
      yAxis: { type: "value", scale: true },
      series: [
        { name: data.actualLabel, type: "line", data: data.actual, connectNulls: true, symbolSize: 8 },
        { name: data.pathLabel, type: "line", data: data.path, lineStyle: { type: "dashed" }, symbol: "none" }
      ]
    });
    return chart;
  }

  function bars(element, data) {
    var chart = echarts.init(element);
    chart.setOption({
      tooltip: { trigger: "axis" },
      grid: { left: 8, right: 16, bottom: 8, top: 8, containLabel: true },
      xAxis: { type: "value", scale: false },
      yAxis: { type: "category", data: data.labels, inverse: true },
      series: [{
        type: "bar", data: data.values.map(function (v, i) {
          return { value: v, itemStyle: { color: i === 1 ? (STATUS_COLOURS[data.status] || "#6c757d") : "#adb5bd" } };
        }), label: { show: true, position: "right" }
      }]
    });
    return chart;
  }

  function ranking(element, data) {
    var chart = echarts.init(element);
    chart.setOption({
      tooltip: { trigger: "axis" },
      grid: { left: 8, right: 24, bottom: 8, top: 8, containLabel: true },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: data.labels, inverse: true, axisLabel: { fontSize: 11 } },
      series: [{ type: "bar", data: data.values, label: { show: true, position: "right" },
        markLine: data.target == null ? undefined : { data: [{ xAxis: data.target }], symbol: "none" } }]
    });
    return chart;
  }

  function render(root) {
    widths(root);
    if (typeof echarts === "undefined") {
      return;
    }
    var charts = [];
    root.querySelectorAll("[data-indicator-chart]").forEach(function (element) {
      var data = JSON.parse(element.getAttribute("data-indicator-chart"));
      var kind = element.getAttribute("data-kind");
      charts.push(kind === "trend" ? trend(element, data) : kind === "ranking" ? ranking(element, data) : bars(element, data));
    });
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  }

  document.addEventListener("DOMContentLoaded", function () { render(document); });
  document.addEventListener("htmx:afterSwap", function (event) { render(event.target); });
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) {
      window.print();
    }
  });
})();
