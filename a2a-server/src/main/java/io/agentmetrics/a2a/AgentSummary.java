package io.agentmetrics.a2a;

import io.agentmetrics.a2a.dto.StageWindowStats;
import io.agentmetrics.a2a.trace.StageMetrics;
import io.agentmetrics.aggregator.AggregatedSeries;
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
 * The {@code agent} section of {@code /metrics/summary}: what the agent's executions fed the
 * server's aggregator, by metric type ({@code total_execution}, {@code llm_processing}, {@code
 * time_to_first_token}, ...). It holds {@code windows} (each type over the last minute, five
 * minutes and hour), {@code trends} (each type's trend over the summary window, with the sample
 * counts it rests on) and {@code bottlenecks} (types whose p95 exceeds their threshold, worst
 * first).
 */
final class AgentSummary {

  private static final int BOTTLENECK_PERCENTILE = 95;

  private AgentSummary() {}

  static Map<String, Object> of(MetricsAggregator aggregator) {
    Map<String, Object> agent = new LinkedHashMap<>();
    agent.put("windows", windows(aggregator));
    agent.put("trends", trends(aggregator.getPerformanceSummary()));
    agent.put("bottlenecks", bottlenecks(aggregator));
    return agent;
  }

  private static Map<String, Map<String, StageWindowStats>> windows(MetricsAggregator aggregator) {
    Map<String, Map<String, StageWindowStats>> windows = new LinkedHashMap<>();
    for (AggregationWindow window : StageMetrics.WINDOWS) {
      Map<String, StageWindowStats> types = new LinkedHashMap<>();
      for (MetricType type : MetricType.values()) {
        aggregator
            .getAggregatedMetrics(type, window)
            .ifPresent(
                metrics -> types.put(type.id(), StageWindowStats.of(AggregatedSeries.of(metrics))));
      }
      windows.put(StageMetrics.id(window), types);
    }
    return windows;
  }

  private static Map<String, Object> trends(PerformanceSummary summary) {
    Map<String, Object> trends = new LinkedHashMap<>();
    trends.put("window", StageMetrics.id(summary.window()));
    for (Map.Entry<MetricType, TrendEvidence> entry : summary.trendEvidence().entrySet()) {
      TrendEvidence evidence = entry.getValue();
      Map<String, Object> trend = new LinkedHashMap<>();
      trend.put("direction", lower(evidence.trend().name()));
      trend.put("statistic", lower(evidence.statistic().name()));
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
      entry.put("window", StageMetrics.id(bottleneck.window()));
      entry.put("percentile", bottleneck.percentile());
      entry.put("observed", bottleneck.observed());
      entry.put("threshold", bottleneck.threshold());
      entry.put("samples", bottleneck.sampleCount());
      bottlenecks.add(entry);
    }
    return bottlenecks;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
