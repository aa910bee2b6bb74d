window.addEventListener('load', function () {
  var charts = document.querySelectorAll('svg.chart');
  charts.forEach(function (svg) {
    var box = svg.getBoundingClientRect();
    svg.setAttribute('data-rendered', Math.round(box.width) + 'x' + Math.round(box.height));
  });
  document.documentElement.setAttribute('data-charts-rendered', String(charts.length));
});
