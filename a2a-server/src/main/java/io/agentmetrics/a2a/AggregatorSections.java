package io.agentmetrics.a2a;

import io.agentmetrics.a2a.http.MetricsSummaryContributor;
import io.agentmetrics.a2a.trace.LatencySummary;
import io.agentmetrics.aggregator.Bottleneck;
import io.agentmetrics.aggregator.MetricsAggregator;
import io.agentmetrics.aggregator.PerformanceSummary;
import io.agentmetrics.aggregator.TrendEvidence;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The aggregator's sections of {@code /metrics/summary}: {@code windows} (statistics of each metric
 * type over the last minute, five minutes and hour), {@code trends} (each type's trend over the
 * summary window, with the sample counts it rests on) and {@code bottlenecks} (types whose p95
 * exceeds their threshold, worst first). Keys are metric type ids such as {@code total_execution}
 * and lower-case window names.
 */
final class AggregatorSections {

  static final List<AggregationWindow> WINDOWS =
      List.of(AggregationWindow.MINUTE, AggregationWindow.FIVE_MINUTES, AggregationWindow.HOUR);
  static final int BOTTLENECK_PERCENTILE = 95;

  private AggregatorSections() {}

  static List<MetricsSummaryContributor> of(MetricsAggregator aggregator) {
    return List.of(
        MetricsSummaryContributor.of("windows", () -> windows(aggregator)),
        MetricsSummaryContributor.of("trends", () -> trends(aggregator.getPerformanceSummary())),
        MetricsSummaryContributor.of("bottlenecks", () -> bottlenecks(aggregator)));
  }

  private static Map<String, Map<String, LatencySummary>> windows(MetricsAggregator aggregator) {
    Map<String, Map<String, LatencySummary>> windows = new LinkedHashMap<>();
    for (AggregationWindow window : WINDOWS) {
      Map<String, LatencySummary> types = new LinkedHashMap<>();
      for (MetricType type : MetricType.values()) {
        aggregator
            .getAggregatedMetrics(type, window)
            .ifPresent(metrics -> types.put(type.id(), LatencySummary.of(metrics)));
      }
      windows.put(name(window), types);
    }
    return windows;
  }

  private static Map<String, Object> trends(PerformanceSummary summary) {
    Map<String, Object> trends = new LinkedHashMap<>();
    trends.put("window", name(summary.window()));
    for (Map.Entry<MetricType, TrendEvidence> entry : summary.trendEvidence().entrySet()) {
      TrendEvidence evidence = entry.getValue();
      Map<String, Object> trend = new LinkedHashMap<>();
      trend.put("trend", evidence.trend().name().toLowerCase(Locale.ROOT));
      trend.put("statistic", evidence.statistic().name().toLowerCase(Locale.ROOT));
      trend.put("current_count", evidence.currentCount());
      trend.put("previous_count", evidence.previousCount());
      trend.put("current", evidence.currentValue());
      trend.put("previous", evidence.previousValue());
      trends.put(entry.getKey().id(), trend);
    }
    return trends;
  }

  private static List<Map<String, Object>> bottlenecks(MetricsAggregator aggregator) {
    List<Map<String, Object>> bottlenecks = new ArrayList<>();
    for (Bottleneck bottleneck : aggregator.getBottlenecks(BOTTLENECK_PERCENTILE)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("metric", bottleneck.metricType().id());
      entry.put("window", name(bottleneck.window()));
      entry.put("percentile", bottleneck.percentile());
      entry.put("observed", bottleneck.observed());
      entry.put("threshold", bottleneck.threshold());
      entry.put("samples", bottleneck.sampleCount());
      bottlenecks.add(entry);
    }
    return bottlenecks;
  }

  private static String name(AggregationWindow window) {
    return window.name().toLowerCase(Locale.ROOT);
  }
}
