// An elder's learned routine: places and safe zones over the last week's positions (longitude/latitude plane, no map
// tiles), the days active in each hour, and the typical cumulative water and power use by hour. Data from the
// data-routine attribute (no inline scripts under the CSP).
(function () {
  "use strict";
  var root = document.getElementById("routine-charts");
  if (!root || typeof echarts === "undefined") {
    return;
  }
  var data = JSON.parse(root.getAttribute("data-routine"));
  var hours = [];
  for (var h = 0; h < 24; h++) {
    hours.push((h < 10 ? "0" : "") + h + ":00");
  }
  function chart(kind) {
    var element = root.querySelector("[data-chart='" + kind + "']");
    element.style.height = "280px";
    return echarts.init(element);
  }
  // a zone as a point at its centre; the radius rides along for the tooltip
  function zonePoint(zone) {
    return { name: zone.name, value: [zone.lon, zone.lat, zone.radius] };
  }
  // the plane's bounds: every zone and position, padded, so a single place is not drawn at the edge of a wide axis
  function extent(index) {
    var values = data.track.map(function (p) { return p[index]; })
      .concat(data.zones.map(function (z) { return index === 0 ? z.lon : z.lat; }));
    if (values.length === 0) {
      return {};
    }
    var min = Math.min.apply(null, values);
    var max = Math.max.apply(null, values);
    var pad = Math.max(0.002, (max - min) * 0.1);
    return { min: +(min - pad).toFixed(4), max: +(max + pad).toFixed(4) };
  }
  var lon = extent(0);
  var lat = extent(1);
  var map = chart("map");
  map.setOption({
    tooltip: { trigger: "item", formatter: function (p) { return p.name || (p.value[1] + ", " + p.value[0]); } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: "value", min: lon.min, max: lon.max, axisLabel: { formatter: function (v) { return v.toFixed(3); } } },
    yAxis: { type: "value", min: lat.min, max: lat.max, axisLabel: { formatter: function (v) { return v.toFixed(3); } } },
    series: [
      { name: data.labels.track, type: "scatter", symbolSize: 4, data: data.track, itemStyle: { color: "#adb5bd" } },
      { name: data.labels.learned, type: "scatter", symbolSize: 18, label: { show: true, position: "top",
          formatter: "{b}" }, data: data.zones.filter(function (z) { return z.learned; }).map(zonePoint) },
      { name: data.labels.manual, type: "scatter", symbol: "diamond", symbolSize: 16, label: { show: true,
          position: "bottom", formatter: "{b}" }, data: data.zones.filter(function (z) { return !z.learned; })
          .map(zonePoint) }
    ]
  });
  var active = chart("hours");
  active.setOption({
    tooltip: { trigger: "axis" },
    grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
    xAxis: { type: "category", data: hours },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ name: data.labels.days, type: "bar", data: data.hourDays }]
  });
  var curves = chart("curves");
  curves.setOption({
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: "category", data: hours },
    yAxis: { type: "value" },
    series: [
      { name: data.labels.water, type: "line", step: "end", data: data.water },
      { name: data.labels.power, type: "line", step: "end", data: data.power }
    ]
  });
  window.addEventListener("resize", function () {
    map.resize();
    active.resize();
    curves.resize();
  });
})();
