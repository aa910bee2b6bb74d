package io.agentmetrics.a2a.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws latency over time: a dot per request (failures in red), or for many requests the maximum
 * and mean of each of {@link #BUCKETS} time slices, so the page stays light.
 */
final class TimelineChart {

  static final int MAX_DOTS = 2000;
  static final int BUCKETS = 300;

  private TimelineChart() {}

  static String render(List<ReportModel.TimePoint> points, String xTitle) {
    Svg svg = new Svg("chart-timeline", "Latency over time");
    if (points.isEmpty()) {
      return svg.empty("No requests").end();
    }
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = 0;
    for (ReportModel.TimePoint p : points) {
      minX = Math.min(minX, p.x());
      maxX = Math.max(maxX, p.x());
      maxY = Math.max(maxY, p.latencyMs());
    }
    NiceScale xScale = NiceScale.of(Math.min(0, minX), maxX, 8);
    NiceScale yScale = NiceScale.of(0, maxY, 6);
    Frame frame = new Frame(xScale.min(), xScale.max(), 0, yScale.max());
    svg.yAxis(frame, yScale.ticks(), "latency (ms)");
    if (points.size() <= MAX_DOTS) {
      for (ReportModel.TimePoint p : points) {
        svg.circle(
            frame.x(p.x()),
            frame.y(p.latencyMs()),
            points.size() > 500 ? 1.6 : 2.6,
            p.ok() ? "dot series-0 translucent" : "dot failure",
            Html.label(p.x())
                + ": "
                + Html.label(p.latencyMs())
                + " ms"
                + (p.ok() ? "" : " (failed)"));
      }
    } else {
      drawBuckets(svg, frame, points, xScale);
    }
    List<Double> ticks = xScale.ticks();
    svg.xAxis(frame, ticks, ticks.stream().map(Html::label).toList(), xTitle);
    return svg.end();
  }

  private static void drawBuckets(
      Svg svg, Frame frame, List<ReportModel.TimePoint> points, NiceScale xScale) {
    double width = (xScale.max() - xScale.min()) / BUCKETS;
    double[] max = new double[BUCKETS];
    double[] sum = new double[BUCKETS];
    long[] count = new long[BUCKETS];
    long[] failures = new long[BUCKETS];
    for (ReportModel.TimePoint p : points) {
      int b = (int) Math.min(BUCKETS - 1, Math.max(0, (p.x() - xScale.min()) / width));
      if (!p.ok()) {
        failures[b]++;
        continue;
      }
      max[b] = Math.max(max[b], p.latencyMs());
      sum[b] += p.latencyMs();
      count[b]++;
    }
    List<double[]> maxLine = new ArrayList<>();
    List<double[]> meanLine = new ArrayList<>();
    for (int b = 0; b < BUCKETS; b++) {
      double x = frame.x(xScale.min() + (b + 0.5) * width);
      if (failures[b] > 0) {
        svg.line(x, Frame.TOP, x, Frame.bottom(), "failure-band");
      }
      if (count[b] > 0) {
        maxLine.add(new double[] {x, frame.y(max[b])});
        meanLine.add(new double[] {x, frame.y(sum[b] / count[b])});
      }
    }
    svg.polyline(maxLine, "curve series-1");
    svg.polyline(meanLine, "curve series-0");
    svg.line(Frame.LEFT + 12, Frame.TOP + 10, Frame.LEFT + 30, Frame.TOP + 10, "curve series-1");
    svg.text(Frame.LEFT + 36, Frame.TOP + 14, "max per slice", "legend");
    svg.line(Frame.LEFT + 12, Frame.TOP + 28, Frame.LEFT + 30, Frame.TOP + 28, "curve series-0");
    svg.text(Frame.LEFT + 36, Frame.TOP + 32, "mean per slice", "legend");
  }
}
