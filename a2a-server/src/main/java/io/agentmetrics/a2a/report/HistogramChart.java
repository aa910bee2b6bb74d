package io.agentmetrics.a2a.report;

import java.util.ArrayList;
import java.util.List;

/** Draws the latency histogram: one bar per bin, count on the y axis. */
final class HistogramChart {

  private HistogramChart() {}

  static String render(List<ReportModel.Bin> bins) {
    Svg svg = new Svg("chart-histogram", "Latency histogram");
    if (bins.isEmpty()) {
      return svg.empty("No successful requests").end();
    }
    long maxCount = bins.stream().mapToLong(ReportModel.Bin::count).max().orElse(1);
    NiceScale xScale = NiceScale.of(bins.get(0).fromMs(), bins.get(bins.size() - 1).toMs(), 8);
    NiceScale yScale = NiceScale.of(0, (double) Math.max(1, maxCount), 5);
    Frame frame = new Frame(xScale.min(), xScale.max(), 0, yScale.max());
    svg.yAxis(frame, integerTicks(yScale), "requests");
    for (ReportModel.Bin bin : bins) {
      if (bin.count() == 0) {
        continue;
      }
      double x1 = frame.x(bin.fromMs());
      double x2 = frame.x(bin.toMs());
      double y = frame.y((double) bin.count());
      svg.rect(
          x1 + 0.5,
          y,
          Math.max(1, x2 - x1 - 1),
          Frame.bottom() - y,
          "bar",
          Html.label(bin.fromMs())
              + "–"
              + Html.label(bin.toMs())
              + " ms: "
              + bin.count()
              + (bin.count() == 1 ? " request" : " requests"));
    }
    List<Double> ticks = xScale.ticks();
    svg.xAxis(frame, ticks, ticks.stream().map(Html::label).toList(), "latency (ms)");
    return svg.end();
  }

  private static List<Double> integerTicks(NiceScale scale) {
    List<Double> ticks = new ArrayList<>();
    for (double tick : scale.ticks()) {
      if (tick == Math.rint(tick)) {
        ticks.add(tick);
      }
    }
    return ticks;
  }
}
