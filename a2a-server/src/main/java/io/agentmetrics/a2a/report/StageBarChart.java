package io.agentmetrics.a2a.report;

import java.util.List;
import java.util.Locale;

/**
 * Draws where a request's time goes: one bar split into the mean of each stage, and a second bar
 * without the model's time, so the small non-LLM stages the seed sets goals for are visible too.
 */
final class StageBarChart {

  static final int STAGE_COLOURS = 9;
  private static final double BAR_HEIGHT = 34;
  private static final int COLUMNS = 2;
  private static final double ROW = 24;
  private static final double LEFT = 16;
  private static final double WIDTH = Frame.WIDTH - 32;

  private StageBarChart() {}

  static String render(List<ReportModel.Segment> segments) {
    double total = segments.stream().mapToDouble(ReportModel.Segment::meanMs).sum();
    if (segments.isEmpty() || total <= 0) {
      return new Svg("chart-stages", "Time per stage")
          .empty("No stage timings (server breakdown or trace log)")
          .end();
    }
    boolean hasLlm = segments.stream().anyMatch(ReportModel.Segment::llm);
    double overhead =
        segments.stream().filter(s -> !s.llm()).mapToDouble(ReportModel.Segment::meanMs).sum();
    boolean twoBars = hasLlm && overhead > 0;
    double legendTop = twoBars ? 166 : 88;
    double height = legendTop + Math.ceil(segments.size() / (double) COLUMNS) * ROW + 8;
    Svg svg = new Svg("chart-stages", "Time per stage", Math.max(Frame.HEIGHT, height));
    bar(svg, segments, 10, "All stages", false);
    if (twoBars) {
      bar(svg, segments, 88, "Without the model (non-LLM overhead)", true);
    }
    legend(svg, segments, total, legendTop);
    return svg.end();
  }

  private static void bar(
      Svg svg, List<ReportModel.Segment> segments, double top, String title, boolean withoutLlm) {
    double total =
        segments.stream()
            .filter(s -> !(withoutLlm && s.llm()))
            .mapToDouble(ReportModel.Segment::meanMs)
            .sum();
    svg.text(LEFT, top + 8, title + " · mean " + Html.label(total) + " ms", "bar-title");
    double x = LEFT;
    double y = top + 16;
    svg.rect(LEFT, y, WIDTH, BAR_HEIGHT, "bar-track", "");
    for (int i = 0; i < segments.size(); i++) {
      ReportModel.Segment s = segments.get(i);
      if (withoutLlm && s.llm()) {
        continue;
      }
      double width = s.meanMs() / total * WIDTH;
      if (width <= 0) {
        continue;
      }
      svg.rect(
          x,
          y,
          width,
          BAR_HEIGHT,
          "segment stage-" + (i % STAGE_COLOURS),
          s.name() + ": " + Html.label(s.meanMs()) + " ms (" + percent(s.meanMs() / total) + ")");
      if (width > 54) {
        svg.text(
            x + width / 2, y + BAR_HEIGHT / 2 + 4, percent(s.meanMs() / total), "segment-label");
      }
      x += width;
    }
  }

  private static void legend(
      Svg svg, List<ReportModel.Segment> segments, double total, double top) {
    double columnWidth = WIDTH / COLUMNS;
    for (int i = 0; i < segments.size(); i++) {
      ReportModel.Segment s = segments.get(i);
      int column = i % COLUMNS;
      int row = i / COLUMNS;
      double x = LEFT + column * columnWidth;
      double y = top + row * ROW;
      svg.rect(x, y, 11, 11, "swatch stage-" + (i % STAGE_COLOURS), "");
      svg.text(x + 17, y + 10, s.name(), "legend");
      svg.text(
          x + columnWidth - 24,
          y + 10,
          Html.label(s.meanMs()) + " ms · " + percent(s.meanMs() / total),
          "legend legend-value");
    }
  }

  private static String percent(double share) {
    double p = share * 100;
    return String.format(
        Locale.ROOT, p >= 10 || p == 0 ? "%.0f%%" : p >= 1 ? "%.1f%%" : "%.2f%%", p);
  }
}
