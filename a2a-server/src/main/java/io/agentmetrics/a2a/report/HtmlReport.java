package io.agentmetrics.a2a.report;

import io.agentmetrics.a2a.style.Stylesheet;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders a {@link ReportModel} as one self-contained HTML page: inline CSS, inline SVG charts and
 * a few lines of inline script, with no reference to any external resource, so the file opens
 * offline and can be attached to a ticket. All text from the model is escaped.
 *
 * <p>Once loaded, the page writes each chart's rendered size into its {@code data-rendered}
 * attribute (and the number of charts into {@code data-charts-rendered} on the root element), which
 * lets a headless browser check the layout.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class HtmlReport {

  /**
   * Marks every chart with its rendered size once the page has loaded, so that a headless browser
   * can check that the charts were laid out with a non-zero size.
   */
  private static final String RENDER_CHECK_SCRIPT =
      Stylesheet.resource(HtmlReport.class, "render-check.js");

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** Tables with more columns than this span the full width. */
  private static final int WIDE_TABLE_COLUMNS = 7;

  private HtmlReport() {}

  /**
   * Renders the report.
   *
   * @param model what to show
   * @return the complete HTML document
   * @since 0.1.0
   */
  public static String render(ReportModel model) {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.escape(model.title()))
        .append(" · agentmetrics</title>\n<style>\n")
        .append(Stylesheet.css())
        .append(
            "</style>\n</head>\n<body>\n<main>\n<header><h1><span class=\"brand\">agentmetrics</span> · ")
        .append(Html.escape(model.title()))
        .append("</h1><p>")
        .append(Html.escape(model.subtitle()))
        .append(" · report generated ")
        .append(TIMESTAMP.format(model.generatedAt()))
        .append("</p></header>\n");
    notes(html, model.notes());
    cards(html, model.cards());
    html.append("<div class=\"grid\">\n");
    panel(
        html,
        "Latency distribution",
        "Successful requests per latency bin.",
        HistogramChart.render(model.histogram()));
    panel(
        html,
        "Percentile distribution",
        "Latency at each percentile (HdrHistogram). The x axis is logarithmic toward the tail:"
            + " 90%, 99% and 99.9% are equally spaced.",
        PercentileChart.render(model.percentiles()));
    panel(
        html,
        "Latency over time",
        "One dot per request, in start order; failures in red. Steps and stripes show stalls.",
        TimelineChart.render(model.timeline(), model.timelineAxis()));
    panel(
        html,
        "Where the time goes",
        "Mean time per stage. The second bar leaves out the model call to show the overhead.",
        StageBarChart.render(model.stages()));
    html.append("</div>\n<div class=\"tables\">\n");
    for (ReportModel.Table table : model.tables()) {
      table(html, table);
    }
    html.append("</div>\n<footer>agentmetrics · self-contained report, no network access needed")
        .append("</footer>\n</main>\n<script>\n")
        .append(RENDER_CHECK_SCRIPT)
        .append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void notes(StringBuilder html, List<String> notes) {
    if (notes.isEmpty()) {
      return;
    }
    html.append("<div class=\"notes\" role=\"note\">");
    for (String note : notes) {
      html.append("<p>").append(Html.escape(note)).append("</p>");
    }
    html.append("</div>\n");
  }

  private static void cards(StringBuilder html, List<ReportModel.Card> cards) {
    html.append("<div class=\"cards\">\n");
    for (ReportModel.Card card : cards) {
      html.append("<div class=\"card\"><div class=\"label\">")
          .append(Html.escape(card.label()))
          .append("</div><div class=\"value\">")
          .append(Html.escape(card.value()))
          .append("</div><div class=\"detail\">")
          .append(card.detail().isEmpty() ? "&nbsp;" : Html.escape(card.detail()))
          .append("</div></div>\n");
    }
    html.append("</div>\n");
  }

  private static void panel(StringBuilder html, String title, String hint, String svg) {
    html.append("<section class=\"panel\"><h2>")
        .append(Html.escape(title))
        .append("</h2><p class=\"hint\">")
        .append(Html.escape(hint))
        .append("</p>\n")
        .append(svg)
        .append("\n</section>\n");
  }

  private static void table(StringBuilder html, ReportModel.Table table) {
    html.append(
            table.headers().size() > WIDE_TABLE_COLUMNS
                ? "<section class=\"panel wide\"><h2>"
                : "<section class=\"panel\"><h2>")
        .append(Html.escape(table.title()))
        .append("</h2><div class=\"table-wrap\"><table><thead><tr>");
    for (String header : table.headers()) {
      html.append("<th>").append(Html.escape(header)).append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (List<String> row : table.rows()) {
      html.append("<tr>");
      for (String cell : row) {
        String css =
            "PASS".equals(cell) ? " class=\"pass\"" : "FAIL".equals(cell) ? " class=\"fail\"" : "";
        html.append("<td").append(css).append('>').append(Html.escape(cell)).append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</tbody></table></div></section>\n");
  }
}
