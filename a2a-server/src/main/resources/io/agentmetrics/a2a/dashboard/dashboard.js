// The live dashboard: polls the server's /metrics/summary and redraws the cards and the two stage
// charts as SVG. Every number comes from the summary: the stage order and labels from its
// stage_vocabulary, the split of the sends' end-to-end time and the LLM share from its sends
// section (each send's stages set against that send's own end-to-end time, so the shares add up
// to 100%), and the percentiles from its stages. Values reach the page through textContent and
// SVG attributes only, never as markup.
(function () {
  'use strict';
  var config = document.body.dataset;
  var SUMMARY = config.summaryPath, REFRESH = Number(config.refreshMs);
  var NS = 'http://www.w3.org/2000/svg';

  function el(name, attrs, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function num(v) { return typeof v === 'number' && isFinite(v) ? v : 0; }
  function fmt(v) { return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2); }
  function pct(share) { return (share * 100).toFixed(1) + '%'; }
  function clear(svg) { while (svg.firstChild) { svg.removeChild(svg.firstChild); } }
  function empty(svg, text) { svg.appendChild(el('text', {x: 320, y: 150, 'class': 'empty'}, text)); }

  function drawBar(svg, segs, top, title, withoutLlm) {
    var shown = segs.filter(function (s) { return !(withoutLlm && s.llm); });
    var total = shown.reduce(function (sum, s) { return sum + num(s.mean_ms); }, 0);
    svg.appendChild(el('text', {x: 16, y: top + 8, 'class': 'bar-title'}, title + ' · mean ' + fmt(total) + ' ms'));
    svg.appendChild(el('rect', {x: 16, y: top + 16, width: 608, height: 34, 'class': 'bar-track'}));
    var x = 16;
    segs.forEach(function (s, i) {
      if (withoutLlm && s.llm) { return; }
      var part = total > 0 ? num(s.mean_ms) / total : 0, w = part * 608;
      var r = el('rect', {x: x, y: top + 16, width: w, height: 34, 'class': 'segment stage-' + (i % 9)});
      r.appendChild(el('title', {}, s.label + ': ' + fmt(num(s.mean_ms)) + ' ms'));
      svg.appendChild(r);
      if (w > 54) {
        svg.appendChild(el('text', {x: x + w / 2, y: top + 37, 'class': 'segment-label'}, Math.round(part * 100) + '%'));
      }
      x += w;
    });
  }

  function drawStages(sends) {
    var svg = document.getElementById('chart-stages');
    clear(svg);
    var segs = sends && Array.isArray(sends.segments) ? sends.segments : [];
    if (!segs.length) { empty(svg, 'No send paired with its task yet'); return; }
    var twoBars = segs.some(function (s) { return s.llm; }) && segs.some(function (s) { return !s.llm; });
    drawBar(svg, segs, 10, 'End to end, ' + sends.paired + ' sends', false);
    if (twoBars) { drawBar(svg, segs, 88, 'Without the model (non-LLM overhead)', true); }
    var legendTop = twoBars ? 166 : 88;
    svg.setAttribute('viewBox', '0 0 640 ' + Math.max(300, legendTop + Math.ceil(segs.length / 2) * 24 + 8));
    segs.forEach(function (s, i) {
      var x = 16 + (i % 2) * 304, y = legendTop + Math.floor(i / 2) * 24;
      svg.appendChild(el('rect', {x: x, y: y, width: 11, height: 11, 'class': 'swatch stage-' + (i % 9)}));
      svg.appendChild(el('text', {x: x + 17, y: y + 10, 'class': 'legend'}, s.label));
      svg.appendChild(el('text', {x: x + 280, y: y + 10, 'class': 'legend legend-value'},
        fmt(num(s.mean_ms)) + ' ms · ' + pct(num(s.share))));
    });
  }

  function drawPercentiles(stages, vocabulary) {
    var svg = document.getElementById('chart-stage-percentiles');
    clear(svg);
    var known = vocabulary.filter(function (v) { return stages[v.id]; });
    var names = known.map(function (v) { return [v.id, v.label]; })
      .concat(Object.keys(stages)
        .filter(function (s) { return !known.some(function (v) { return v.id === s; }) && stages[s] && typeof stages[s] === 'object'; })
        .map(function (s) { return [s, s]; }));
    if (!names.length) { empty(svg, 'No stage timings yet'); return; }
    var row = 22, left = 170, width = 440, top = 28;
    svg.setAttribute('viewBox', '0 0 640 ' + Math.max(300, top + names.length * row + 36));
    var max = 0, min = Infinity;
    names.forEach(function (n) {
      ['p50_ms', 'p95_ms', 'p99_ms'].forEach(function (k) {
        var v = num(stages[n[0]][k]);
        if (v > 0) { max = Math.max(max, v); min = Math.min(min, v); }
      });
    });
    if (max <= 0) { max = 1; min = 0.01; }
    var lo = Math.pow(10, Math.floor(Math.log10(Math.max(min, 1e-3))));
    var hi = Math.pow(10, Math.ceil(Math.log10(max)));
    if (hi <= lo) { hi = lo * 10; }
    var x = function (v) { return left + (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * width; };
    for (var d = lo; d <= hi * 1.0001; d *= 10) {
      svg.appendChild(el('line', {x1: x(d), y1: top - 6, x2: x(d), y2: top + names.length * row, 'class': 'grid'}));
      svg.appendChild(el('text', {x: x(d), y: top + names.length * row + 16, 'class': 'tick tick-x'}, d >= 1 ? String(d) : d.toPrecision(1)));
    }
    svg.appendChild(el('text', {x: left + width / 2, y: top + names.length * row + 32, 'class': 'axis-title'}, 'milliseconds (log scale)'));
    [['p50_ms', 'series-0', 'P50'], ['p95_ms', 'series-1', 'P95'], ['p99_ms', 'series-3', 'P99']].forEach(function (p, i) {
      svg.appendChild(el('rect', {x: left + i * 70, y: 4, width: 11, height: 11, 'class': p[1]}));
      svg.appendChild(el('text', {x: left + i * 70 + 16, y: 14, 'class': 'legend'}, p[2]));
    });
    names.forEach(function (n, i) {
      var y = top + i * row, stage = stages[n[0]];
      svg.appendChild(el('text', {x: left - 10, y: y + 14, 'class': 'tick tick-y'}, n[1]));
      [['p99_ms', 'series-3'], ['p95_ms', 'series-1'], ['p50_ms', 'series-0']].forEach(function (p, j) {
        var v = num(stage[p[0]]);
        var r = el('rect', {x: left, y: y + 3 + j * 5, width: Math.max(1, x(v) - left), height: 5, 'class': p[1]});
        r.appendChild(el('title', {}, n[1] + ' ' + p[0].replace('_ms', '') + ': ' + fmt(v) + ' ms'));
        svg.appendChild(r);
      });
    });
  }

  function costCard(usage) {
    var hour = usage && usage.windows && usage.windows.hour ? usage.windows.hour : {};
    var cost = hour.cost_usd, slo = usage && usage.cost_slo;
    var detail = slo ? 'objective p' + slo.percentile + ' ≤ $' + slo.threshold + ': ' + (slo.met ? 'met' : 'MISSED') : 'no priced task yet';
    return ['P95 cost per task', cost ? '$' + num(cost.p95).toFixed(6) : '–', detail];
  }
  function tokensCard(usage) {
    var hour = usage && usage.windows && usage.windows.hour ? usage.windows.hour : {};
    var input = hour.input_tokens, output = hour.output_tokens;
    return ['P50 tokens per task', input && output ? Math.round(num(input.p50)) + ' in / ' + Math.round(num(output.p50)) + ' out' : '–', 'last hour'];
  }
  function llmCard(sends) {
    var llm = (sends && Array.isArray(sends.segments) ? sends.segments : []).filter(function (s) { return s.llm; })[0];
    return ['LLM share', llm ? pct(num(llm.share)) : '–', 'of the sends\' end-to-end time'];
  }

  function drawCards(sends, usage) {
    var cards = document.getElementById('cards');
    while (cards.firstChild) { cards.removeChild(cards.firstChild); }
    var e2e = sends && sends.end_to_end ? sends.end_to_end : null;
    function ms(key) { return e2e ? fmt(num(e2e[key])) + ' ms' : '–'; }
    [['Sends', sends && typeof sends.paired === 'number' ? String(sends.paired) : '–', 'paired with their task'],
     ['Median end to end', ms('p50_ms'), ''],
     ['P95 end to end', ms('p95_ms'), ''],
     ['P99 end to end', ms('p99_ms'), ''],
     llmCard(sends),
     costCard(usage),
     tokensCard(usage)
    ].forEach(function (c) {
      var card = document.createElement('div'); card.className = 'card';
      [['label', c[0]], ['value', c[1]], ['detail', c[2] || '\u00a0']].forEach(function (p) {
        var d = document.createElement('div'); d.className = p[0]; d.textContent = p[1]; card.appendChild(d);
      });
      cards.appendChild(card);
    });
  }

  function markRendered() {
    var charts = document.querySelectorAll('svg.chart');
    charts.forEach(function (svg) {
      var box = svg.getBoundingClientRect();
      svg.setAttribute('data-rendered', Math.round(box.width) + 'x' + Math.round(box.height));
    });
    document.documentElement.setAttribute('data-charts-rendered', String(charts.length));
  }

  function status(text, error) {
    var s = document.getElementById('status');
    s.textContent = text;
    s.className = error ? 'status error' : 'status';
  }

  function object(v) { return v && typeof v === 'object' ? v : {}; }

  function refresh() {
    fetch(SUMMARY, {headers: {'Accept': 'application/json'}, cache: 'no-store'})
      .then(function (response) {
        if (!response.ok) { throw new Error(SUMMARY + ' answered HTTP ' + response.status); }
        return response.json();
      })
      .then(function (summary) {
        summary = object(summary);
        var vocabulary = Array.isArray(summary.stage_vocabulary) ? summary.stage_vocabulary : [];
        drawCards(summary.sends, summary.usage);
        drawStages(summary.sends);
        drawPercentiles(object(summary.stages), vocabulary);
        status('updated ' + new Date().toLocaleTimeString(), false);
      })
      .catch(function (e) { status(String(e.message || e), true); })
      .then(function () { markRendered(); setTimeout(refresh, REFRESH); });
  }

  drawCards(null, {});
  drawStages(null);
  drawPercentiles({}, []);
  window.addEventListener('load', markRendered);
  refresh();
})();
