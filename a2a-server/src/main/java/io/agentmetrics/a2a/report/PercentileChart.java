package io.agentmetrics.a2a.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws percentile curves the way HdrHistogram's plotter does: the x axis is {@code 1 / (1 -
 * percentile)} on a log scale, so 90%, 99%, 99.9% are evenly spaced and the tail gets room.
 */
final class PercentileChart {

  private static final int SERIES_COLOURS = 4;

  private PercentileChart() {}

  static String render(List<ReportModel.PercentileSeries> series) {
    Svg svg = new Svg("chart-percentiles", "Latency by percentile");
    List<ReportModel.PercentileSeries> drawn =
        series.stream().filter(s -> !s.points().isEmpty()).toList();
    if (drawn.isEmpty()) {
      return svg.empty("No successful requests").end();
    }
    double maxX = 2;
    double maxY = 0;
    for (ReportModel.PercentileSeries s : drawn) {
      for (ReportModel.PercentilePoint p : s.points()) {
        if (p.percentile() < 100) {
          maxX = Math.max(maxX, Math.ceil(x(p.percentile()) - 1e-9));
        }
        maxY = Math.max(maxY, p.valueMs());
      }
    }
    maxX = Math.min(maxX, 6);
    NiceScale yScale = NiceScale.of(0, maxY, 6);
    Frame frame = new Frame(0, maxX, 0, yScale.max());
    svg.yAxis(frame, yScale.ticks(), "latency (ms)");
    for (int i = 0; i < drawn.size(); i++) {
      ReportModel.PercentileSeries s = drawn.get(i);
      // Later series are dashed so a curve hidden under an identical one still shows.
      String colour = "series-" + (i % SERIES_COLOURS) + (i > 0 ? " dashed" : "");
      List<double[]> points = new ArrayList<>();
      for (ReportModel.PercentilePoint p : s.points()) {
        double px = p.percentile() >= 100 ? maxX : Math.min(maxX, x(p.percentile()));
        points.add(new double[] {frame.x(px), frame.y(p.valueMs())});
      }
      svg.polyline(points, "curve " + colour);
      ReportModel.PercentilePoint last = s.points().get(s.points().size() - 1);
      svg.circle(
          frame.x(maxX),
          frame.y(last.valueMs()),
          3,
          "dot " + colour,
          s.name() + " max: " + Html.label(last.valueMs()) + " ms");
      legend(svg, i, s.name(), colour);
    }
    List<Double> ticks = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int decade = 0; decade <= (int) maxX; decade++) {
      ticks.add((double) decade);
      labels.add(percentLabel(decade));
    }
    svg.xAxis(frame, ticks, labels, "percentile");
    return svg.end();
  }

  /** Decades of 1 / (1 - p): 0 is 0%, 1 is 90%, 2 is 99%, 3 is 99.9%. */
  static double x(double percentile) {
    return Math.log10(1 / (1 - percentile / 100));
  }

  static String percentLabel(int decade) {
    if (decade == 0) {
      return "0%";
    }
    double percent = 100 - 100 / Math.pow(10, decade);
    return String.format(Locale.ROOT, "%." + Math.max(0, decade - 2) + "f%%", percent);
  }

  private static void legend(Svg svg, int index, String name, String colour) {
    double x = Frame.LEFT + 12;
    double y = Frame.TOP + 14 + index * 18;
    svg.line(x, y - 4, x + 18, y - 4, "curve " + colour);
    svg.text(x + 24, y, name, "legend");
  }
}
