package io.agentmetrics.a2a.report;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The live {@code GET /dashboard} page: the report's look, with a few lines of inline vanilla
 * JavaScript that fetch the server's {@code /metrics/summary} periodically and redraw the stage
 * charts as SVG. No library and no network access beyond that same-origin fetch.
 *
 * <p>Expected JSON (unknown fields ignored): {@code {"stages": {"json_parsing": {"count": 100,
 * "mean_ms": 0.4, "p50_ms": 0.38, "p95_ms": 0.7, "p99_ms": 0.9, "max_ms": 1.2}, ...}}}. Values are
 * put into the page with {@code textContent} and SVG attributes only, never as markup.
 *
 * <p>Stateless and thread-safe; the page can be rendered once and cached.
 *
 * @since 0.1.0
 */
public final class DashboardPage {

  /**
   * The summary endpoint the page polls by default.
   *
   * @since 0.1.0
   */
  public static final String DEFAULT_SUMMARY_PATH = "/metrics/summary";

  /**
   * How often the page polls by default.
   *
   * @since 0.1.0
   */
  public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(2);

  private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");

  private DashboardPage() {}

  /**
   * The page polling {@link #DEFAULT_SUMMARY_PATH} every {@link #DEFAULT_REFRESH}.
   *
   * @return the complete HTML document
   * @since 0.1.0
   */
  public static String render() {
    return render(DEFAULT_SUMMARY_PATH, DEFAULT_REFRESH);
  }

  /**
   * The page polling {@code summaryPath} every {@code refresh}.
   *
   * @param summaryPath an absolute path on the same origin, e.g. {@code /metrics/summary}
   * @param refresh polling interval, from 250 ms to 1 hour
   * @return the complete HTML document
   * @throws IllegalArgumentException if the path is not a plain absolute path or the interval is
   *     out of range
   * @since 0.1.0
   */
  public static String render(String summaryPath, Duration refresh) {
    if (!SAFE_PATH.matcher(summaryPath).matches()) {
      throw new IllegalArgumentException(
          "summaryPath must be an absolute path of letters, digits and ._~/-, got '"
              + summaryPath
              + "'");
    }
    if (refresh.compareTo(Duration.ofMillis(250)) < 0
        || refresh.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "refresh must be between 250 ms and 1 hour, got " + refresh);
    }
    return PAGE.replace("__CSS__", ReportStyle.CSS)
        .replace("__SUMMARY_PATH__", summaryPath)
        .replace("__REFRESH_MS__", Long.toString(refresh.toMillis()));
  }

  private static final String PAGE =
      """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Live dashboard · agentmetrics</title>
      <style>
      __CSS__
      .status { font-size: 13px; color: var(--muted); }
      .status.error { color: var(--bad); }
      </style>
      </head>
      <body>
      <main>
      <header><h1><span class="brand">agentmetrics</span> · Live dashboard</h1>
      <p>Per-stage latency from <code>__SUMMARY_PATH__</code>, refreshed every __REFRESH_MS__ ms ·
      <span id="status" class="status" role="status">waiting for the first summary…</span></p></header>
      <div class="cards" id="cards"></div>
      <div class="grid">
      <section class="panel"><h2>Where the time goes</h2>
      <p class="hint">Mean time per stage; the second bar leaves out the model call.</p>
      <svg class="chart" id="chart-stages" viewBox="0 0 640 300" role="img" aria-label="Time per stage"></svg></section>
      <section class="panel"><h2>Stage percentiles</h2>
      <p class="hint">P50, P95 and P99 of each stage (log scale).</p>
      <svg class="chart" id="chart-stage-percentiles" viewBox="0 0 640 300" role="img" aria-label="Stage percentiles"></svg></section>
      </div>
      </main>
      <script>
      (function () {
        'use strict';
        var SUMMARY = '__SUMMARY_PATH__', REFRESH = __REFRESH_MS__;
        var ORDER = ['json_parsing', 'message_normalization', 'agent_processing', 'text_extraction',
          'context_lookup', 'llm_invocation', 'response_building', 'response_serialization', 'total'];
        var AGENT = ['text_extraction', 'context_lookup', 'llm_invocation', 'response_building'];
        var NS = 'http://www.w3.org/2000/svg';

        function el(name, attrs, text) {
          var node = document.createElementNS(NS, name);
          Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
          if (text !== undefined) { node.textContent = text; }
          return node;
        }
        function num(v) { return typeof v === 'number' && isFinite(v) ? v : 0; }
        function fmt(v) { return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2); }
        function clear(svg) { while (svg.firstChild) { svg.removeChild(svg.firstChild); } }

        function segments(stages) {
          var mean = function (s) { return stages[s] ? num(stages[s].mean_ms) : null; };
          var out = [];
          function add(name, value, llm) { if (value !== null && value > 0) { out.push([name, value, llm]); } }
          add('json_parsing', mean('json_parsing'), false);
          add('message_normalization', mean('message_normalization'), false);
          var hasAgent = AGENT.some(function (s) { return stages[s]; });
          if (hasAgent) {
            var covered = 0;
            AGENT.forEach(function (s) { var m = mean(s); add(s, m, s === 'llm_invocation'); covered += m || 0; });
            var agent = mean('agent_processing');
            if (agent !== null && agent - covered > 0.005) { add('agent (other)', agent - covered, false); }
          } else {
            add('agent_processing', mean('agent_processing'), true);
          }
          add('response_serialization', mean('response_serialization'), false);
          var total = mean('total');
          if (total !== null) {
            var parts = ['json_parsing', 'message_normalization', 'agent_processing', 'response_serialization']
              .reduce(function (sum, s) { return sum + (mean(s) || 0); }, 0);
            if (total - parts > 0.005) { add('other', total - parts, false); }
          }
          return out;
        }

        function drawBar(svg, segs, top, title, withoutLlm) {
          var shown = segs.filter(function (s) { return !(withoutLlm && s[2]); });
          var total = shown.reduce(function (sum, s) { return sum + s[1]; }, 0);
          svg.appendChild(el('text', {x: 16, y: top + 8, 'class': 'bar-title'}, title + ' · mean ' + fmt(total) + ' ms'));
          svg.appendChild(el('rect', {x: 16, y: top + 16, width: 608, height: 34, 'class': 'bar-track'}));
          var x = 16;
          segs.forEach(function (s, i) {
            if (withoutLlm && s[2]) { return; }
            var w = total > 0 ? s[1] / total * 608 : 0;
            var r = el('rect', {x: x, y: top + 16, width: w, height: 34, 'class': 'segment stage-' + (i % 9)});
            r.appendChild(el('title', {}, s[0] + ': ' + fmt(s[1]) + ' ms'));
            svg.appendChild(r);
            if (w > 54) {
              svg.appendChild(el('text', {x: x + w / 2, y: top + 37, 'class': 'segment-label'}, Math.round(s[1] / total * 100) + '%'));
            }
            x += w;
          });
        }

        function drawStages(stages) {
          var svg = document.getElementById('chart-stages');
          clear(svg);
          var segs = segments(stages);
          if (!segs.length) {
            svg.appendChild(el('text', {x: 320, y: 150, 'class': 'empty'}, 'No stage timings yet'));
            return;
          }
          var total = segs.reduce(function (sum, s) { return sum + s[1]; }, 0);
          var twoBars = segs.some(function (s) { return s[2]; }) && segs.some(function (s) { return !s[2]; });
          drawBar(svg, segs, 10, 'All stages', false);
          if (twoBars) { drawBar(svg, segs, 88, 'Without the model (non-LLM overhead)', true); }
          var legendTop = twoBars ? 166 : 88;
          svg.setAttribute('viewBox', '0 0 640 ' + Math.max(300, legendTop + Math.ceil(segs.length / 2) * 24 + 8));
          segs.forEach(function (s, i) {
            var x = 16 + (i % 2) * 304, y = legendTop + Math.floor(i / 2) * 24;
            svg.appendChild(el('rect', {x: x, y: y, width: 11, height: 11, 'class': 'swatch stage-' + (i % 9)}));
            svg.appendChild(el('text', {x: x + 17, y: y + 10, 'class': 'legend'}, s[0]));
            svg.appendChild(el('text', {x: x + 280, y: y + 10, 'class': 'legend legend-value'},
              fmt(s[1]) + ' ms · ' + (s[1] / total * 100).toFixed(1) + '%'));
          });
        }

        function drawPercentiles(stages) {
          var svg = document.getElementById('chart-stage-percentiles');
          clear(svg);
          var names = ORDER.filter(function (s) { return stages[s]; })
            .concat(Object.keys(stages).filter(function (s) { return ORDER.indexOf(s) < 0 && stages[s] && typeof stages[s] === 'object'; }));
          if (!names.length) {
            svg.appendChild(el('text', {x: 320, y: 150, 'class': 'empty'}, 'No stage timings yet'));
            return;
          }
          var row = 22, left = 170, width = 440, top = 28;
          svg.setAttribute('viewBox', '0 0 640 ' + Math.max(300, top + names.length * row + 36));
          var max = 0, min = Infinity;
          names.forEach(function (s) {
            ['p50_ms', 'p95_ms', 'p99_ms'].forEach(function (k) {
              var v = num(stages[s][k]);
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
          names.forEach(function (s, i) {
            var y = top + i * row;
            svg.appendChild(el('text', {x: left - 10, y: y + 14, 'class': 'tick tick-y'}, s));
            [['p99_ms', 'series-3'], ['p95_ms', 'series-1'], ['p50_ms', 'series-0']].forEach(function (p, j) {
              var v = num(stages[s][p[0]]);
              var r = el('rect', {x: left, y: y + 3 + j * 5, width: Math.max(1, x(v) - left), height: 5, 'class': p[1]});
              r.appendChild(el('title', {}, s + ' ' + p[0].replace('_ms', '') + ': ' + fmt(v) + ' ms'));
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

        function drawCards(stages, usage) {
          var cards = document.getElementById('cards');
          while (cards.firstChild) { cards.removeChild(cards.firstChild); }
          var total = stages.total || {};
          [['Requests', total.count === undefined ? '–' : String(total.count), 'in the window'],
           ['Median total', fmt(num(total.p50_ms)) + ' ms', ''],
           ['P95 total', fmt(num(total.p95_ms)) + ' ms', ''],
           ['P99 total', fmt(num(total.p99_ms)) + ' ms', ''],
           ['LLM share', stages.llm_invocation && total.mean_ms ? (num(stages.llm_invocation.mean_ms) / num(total.mean_ms) * 100).toFixed(1) + '%' : '–', 'of mean total'],
           costCard(usage),
           tokensCard(usage)
          ].forEach(function (c) {
            var card = document.createElement('div'); card.className = 'card';
            [['label', c[0]], ['value', c[1]], ['detail', c[2] || '\\u00a0']].forEach(function (p) {
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

        function refresh() {
          fetch(SUMMARY, {headers: {'Accept': 'application/json'}, cache: 'no-store'})
            .then(function (response) {
              if (!response.ok) { throw new Error(SUMMARY + ' answered HTTP ' + response.status); }
              return response.json();
            })
            .then(function (summary) {
              var stages = summary && typeof summary.stages === 'object' && summary.stages ? summary.stages : {};
              drawCards(stages, summary.usage);
              drawStages(stages);
              drawPercentiles(stages);
              status('updated ' + new Date().toLocaleTimeString(), false);
            })
            .catch(function (e) { status(String(e.message || e), true); })
            .then(function () { markRendered(); setTimeout(refresh, REFRESH); });
        }

        drawCards({}, {});
        drawStages({});
        drawPercentiles({});
        window.addEventListener('load', markRendered);
        refresh();
      })();
      </script>
      </body>
      </html>
      """;
}
