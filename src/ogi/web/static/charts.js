// Draws every chart of a page with ECharts. Each chart's data sits beside it as JSON
// (a dataset: columns, rows, chart kind); its first column holds the categories, every
// numeric column a series.
(function () {
  "use strict";
  var FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

  function numericColumns(data) {
    var out = [];
    for (var c = 1; c < data.columns.length; c++) {
      var numeric = data.rows.length > 0 && data.rows.every(function (r) {
        return r[c] === null || typeof r[c] === "number";
      });
      if (numeric) out.push(c);
    }
    return out;
  }

  function option(data) {
    var cats = data.rows.map(function (r) { return String(r[0]); });
    var cols = numericColumns(data);
    var series = cols.map(function (c) {
      return { name: data.columns[c], data: data.rows.map(function (r) { return r[c]; }) };
    });
    var base = { textStyle: { fontFamily: FONT }, tooltip: {}, grid: { containLabel: true, left: 8, right: 24, top: 36, bottom: 8 } };
    if (data.chart === "pie") {
      var first = cols[0];
      base.tooltip = { trigger: "item", formatter: "{b}: {c} ({d}%)" };
      base.series = [{ type: "pie", radius: ["35%", "65%"], label: { formatter: "{b}\n{c}" },
        data: data.rows.map(function (r) { return { name: String(r[0]), value: r[first] }; }) }];
      delete base.grid;
      return base;
    }
    if (data.chart === "hbar") {
      base.yAxis = { type: "category", data: cats.slice().reverse(), axisLabel: { width: 180, overflow: "truncate" } };
      base.xAxis = { type: "value" };
      base.series = [{ type: "bar", name: series[0].name, data: series[0].data.slice().reverse(), label: { show: true, position: "right" } }];
      return base;
    }
    base.xAxis = { type: "category", data: cats, axisLabel: { interval: 0, width: 90, overflow: "break" } };
    base.yAxis = { type: "value" };
    if (series.length > 1) { base.legend = { top: 0 }; base.tooltip = { trigger: "axis" }; base.grid.top = 64; }
    var type = data.chart === "line" ? "line" : "bar";
    base.series = series.map(function (s) {
      return { type: type, name: s.name, data: s.data, label: { show: type === "bar" && series.length === 1, position: "top" } };
    });
    return base;
  }

  var charts = [];
  document.querySelectorAll(".chart-box[data-chart]").forEach(function (box) {
    var source = document.getElementById(box.getAttribute("data-chart"));
    if (!source || typeof echarts === "undefined") return;
    var data = JSON.parse(source.textContent);
    if (!data.rows.length) { box.classList.add("empty"); box.textContent = "没有数据"; return; }
    var chart = echarts.init(box, null, { renderer: "svg" });
    chart.setOption(option(data));
    if (data.links && data.links.some(Boolean)) {  // drill down: a bar or slice opens its rows
      chart.on("click", function (event) {
        var i = data.chart === "hbar" ? data.rows.length - 1 - event.dataIndex : event.dataIndex;
        if (data.links[i]) window.location.href = data.links[i];
      });
      box.style.cursor = "pointer";
    }
    charts.push(chart);
  });
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
