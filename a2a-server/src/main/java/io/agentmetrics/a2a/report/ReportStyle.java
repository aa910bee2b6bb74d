package io.agentmetrics.a2a.report;

/**
 * The stylesheet shared by reports and the dashboard: system fonts, a light and a dark palette
 * chosen by {@code prefers-color-scheme}, and the classes the SVG charts use.
 */
final class ReportStyle {

  static final String CSS =
      """
      :root {
        color-scheme: light dark;
        --bg: #f5f6f8; --card: #ffffff; --text: #1f2328; --muted: #636c76; --border: #e3e6ea;
        --grid: #eceef1; --axis: #9aa3ad; --track: #f0f2f5;
        --c0: #2563eb; --c1: #e8590c; --c2: #0ca678; --c3: #9c36b5; --bad: #e03131;
        --s0: #4c6ef5; --s1: #15aabf; --s2: #82c91e; --s3: #fab005; --s4: #f76707;
        --s5: #e64980; --s6: #7950f2; --s7: #12b886; --s8: #868e96;
        --warn-bg: #fff4e6; --warn-border: #ffa94d;
      }
      @media (prefers-color-scheme: dark) {
        :root {
          --bg: #0d1117; --card: #161b22; --text: #e6edf3; --muted: #8d96a0; --border: #30363d;
          --grid: #21262d; --axis: #6e7681; --track: #21262d;
          --c0: #5c8dff; --c1: #ff8a3d; --c2: #38d9a9; --c3: #da77f2; --bad: #ff6b6b;
          --warn-bg: #2b1d0e; --warn-border: #b0620f;
        }
      }
      * { box-sizing: border-box; }
      body {
        margin: 0; background: var(--bg); color: var(--text);
        font: 15px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue",
          Arial, "Noto Sans", sans-serif;
      }
      main { max-width: 1240px; margin: 0 auto; padding: 32px 24px 48px; }
      header h1 { font-size: 26px; font-weight: 650; margin: 0 0 4px; letter-spacing: -0.01em; }
      header p { margin: 0; color: var(--muted); font-size: 14px; overflow-wrap: anywhere; }
      .brand { color: var(--c0); font-weight: 700; }
      .cards {
        display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px;
        margin: 24px 0;
      }
      .card {
        background: var(--card); border: 1px solid var(--border); border-radius: 10px;
        padding: 14px 16px;
      }
      .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase;
        letter-spacing: 0.06em; }
      .card .value { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums;
        margin-top: 2px; white-space: nowrap; }
      .card .detail { color: var(--muted); font-size: 12px; }
      .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 16px; }
      section.panel {
        background: var(--card); border: 1px solid var(--border); border-radius: 10px;
        padding: 16px 18px 12px; min-width: 0;
      }
      section.panel h2 { font-size: 15px; font-weight: 600; margin: 0 0 2px; }
      section.panel p.hint { margin: 0 0 8px; color: var(--muted); font-size: 12.5px; }
      .notes { margin: 0 0 16px; padding: 10px 14px; border-radius: 8px; background: var(--warn-bg);
        border: 1px solid var(--warn-border); font-size: 14px; }
      .notes p { margin: 4px 0; }
      svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
      svg.chart text { fill: var(--muted); font-size: 12.5px; font-family: inherit; }
      svg.chart .tick-y { text-anchor: end; }
      svg.chart .tick-x { text-anchor: middle; }
      svg.chart .axis-title { text-anchor: middle; font-size: 12.5px; }
      svg.chart .legend { fill: var(--text); font-size: 13px; }
      svg.chart .legend-value { text-anchor: end; fill: var(--muted); font-variant-numeric: tabular-nums; }
      svg.chart .bar-title { fill: var(--text); font-size: 13.5px; font-weight: 600; }
      svg.chart .segment-label { fill: #fff; font-size: 12px; font-weight: 600; text-anchor: middle;
        pointer-events: none; }
      svg.chart .empty { text-anchor: middle; font-size: 14px; }
      svg.chart .grid { stroke: var(--grid); stroke-width: 1; }
      svg.chart .axis { stroke: var(--axis); stroke-width: 1; }
      svg.chart .bar { fill: var(--c0); opacity: 0.85; }
      svg.chart .bar:hover, svg.chart .segment:hover { opacity: 1; filter: brightness(1.1); }
      svg.chart .bar-track { fill: var(--track); }
      svg.chart .curve { fill: none; stroke-width: 2; stroke-linejoin: round; }
      svg.chart .dot.translucent { fill-opacity: 0.55; }
      svg.chart .curve.dashed { stroke-dasharray: 6 4; }
      svg.chart .failure { fill: var(--bad); }
      svg.chart .failure-band { stroke: var(--bad); stroke-opacity: 0.25; stroke-width: 2; }
      svg.chart .series-0 { stroke: var(--c0); fill: var(--c0); }
      svg.chart .series-1 { stroke: var(--c1); fill: var(--c1); }
      svg.chart .series-2 { stroke: var(--c2); fill: var(--c2); }
      svg.chart .series-3 { stroke: var(--c3); fill: var(--c3); }
      svg.chart .curve.series-0, svg.chart .curve.series-1, svg.chart .curve.series-2,
      svg.chart .curve.series-3 { fill: none; }
      svg.chart .stage-0 { fill: var(--s0); } svg.chart .stage-1 { fill: var(--s1); }
      svg.chart .stage-2 { fill: var(--s2); } svg.chart .stage-3 { fill: var(--s3); }
      svg.chart .stage-4 { fill: var(--s4); } svg.chart .stage-5 { fill: var(--s5); }
      svg.chart .stage-6 { fill: var(--s6); } svg.chart .stage-7 { fill: var(--s7); }
      svg.chart .stage-8 { fill: var(--s8); }
      .tables { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr));
        gap: 16px; margin-top: 16px; }
      section.panel.wide { grid-column: 1 / -1; }
      .table-wrap { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
      th, td { padding: 6px 10px; border-bottom: 1px solid var(--border); text-align: right;
        white-space: nowrap; font-variant-numeric: tabular-nums; }
      th:first-child, td:first-child { text-align: left; }
      th { color: var(--muted); font-weight: 600; font-size: 12px; text-transform: uppercase;
        letter-spacing: 0.04em; }
      tr:last-child td { border-bottom: none; }
      td.pass { color: var(--c2); font-weight: 600; } td.fail { color: var(--bad); font-weight: 600; }
      footer { margin-top: 28px; color: var(--muted); font-size: 12.5px; text-align: center; }
      @media (max-width: 560px) { .grid, .tables { grid-template-columns: 1fr; } main { padding: 20px 12px; } }
      """;

  /**
   * Marks every chart with its rendered size once the page has loaded, so a headless browser can
   * check that the charts were laid out with a non-zero size.
   */
  static final String RENDER_CHECK_SCRIPT =
      """
      window.addEventListener('load', function () {
        var charts = document.querySelectorAll('svg.chart');
        charts.forEach(function (svg) {
          var box = svg.getBoundingClientRect();
          svg.setAttribute('data-rendered', Math.round(box.width) + 'x' + Math.round(box.height));
        });
        document.documentElement.setAttribute('data-charts-rendered', String(charts.length));
      });
      """;

  private ReportStyle() {}
}
