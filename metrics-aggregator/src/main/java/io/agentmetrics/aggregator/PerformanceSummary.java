package io.agentmetrics.aggregator;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.AggregatedMetrics;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of every metric type over one window, its trend and the resource metrics. Immutable
 * and thread-safe.
 *
 * <p>The window is {@link AggregatorConfig#summaryWindow()} (five minutes by default). Maps hold
 * only the types that had samples; they iterate in {@link MetricType} order.
 *
 * @param window the window summarized
 * @param currentMetrics statistics of every type with samples in the window
 * @param trendEvidence for every type with samples in the window or the one before it, the trend
 *     and the sample counts it rests on
 * @param resourceUtilization the {@link MetricType#MEMORY_USAGE} and {@link
 *     MetricType#THREAD_POOL_USAGE} entries of {@code currentMetrics}
 * @since 0.1.0
 */
public record PerformanceSummary(
    AggregationWindow window,
    Map<MetricType, AggregatedMetrics> currentMetrics,
    Map<MetricType, TrendEvidence> trendEvidence,
    Map<MetricType, AggregatedMetrics> resourceUtilization) {

  /** Validates every field and copies the maps, keeping {@link MetricType} order. */
  public PerformanceSummary {
    requireNonNull(window, "window");
    currentMetrics = enumCopy(currentMetrics, "currentMetrics");
    trendEvidence = enumCopy(trendEvidence, "trendEvidence");
    resourceUtilization = enumCopy(resourceUtilization, "resourceUtilization");
  }

  /** The trend of every type in {@link #trendEvidence()}. */
  public Map<MetricType, Trend> trends() {
    Map<MetricType, Trend> trends = new EnumMap<>(MetricType.class);
    trendEvidence.forEach((type, evidence) -> trends.put(type, evidence.trend()));
    return Collections.unmodifiableMap(trends);
  }

  private static <V> Map<MetricType, V> enumCopy(Map<MetricType, V> map, String field) {
    requireNonNull(map, field);
    Map<MetricType, V> copy = new EnumMap<>(MetricType.class);
    map.forEach(
        (type, value) ->
            copy.put(
                requireNonNull(type, field + " key"),
                requireNonNull(value, field + "[" + type + "]")));
    return Collections.unmodifiableMap(copy);
  }
}
