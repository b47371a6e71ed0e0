// The balance timeline of a custody account: the balance after each movement against the required minimum.
(function () {
  "use strict";

  function render() {
    var element = document.getElementById("balance-chart");
    if (!element || typeof echarts === "undefined") {
      return;
    }
    var data = JSON.parse(element.getAttribute("data-funds-chart"));
    var chart = echarts.init(element);
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: "category", data: data.labels, axisLabel: { fontSize: 11 } },
      yAxis: { type: "value" },
      series: [
        { name: data.balanceName, type: "line", step: "end", data: data.balance },
        { name: data.minimumName, type: "line", symbol: "none", lineStyle: { type: "dashed" },
          data: data.labels.map(function () { return data.minimum; }) }
      ]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", render);
  } else {
    render();
  }
})();
