package io.agentmetrics.api;

import static java.util.Objects.requireNonNull;

/**
 * Statistics of one metric type over one window.
 *
 * <p>All values are in the type's {@link MetricType#unit() unit}. Percentiles are estimates whose
 * accuracy the producing aggregator documents.
 *
 * @param metricType the metric type summarized
 * @param window the window summarized
 * @param count how many values the window holds; at least 1
 * @param mean the arithmetic mean
 * @param min the smallest value
 * @param max the largest value
 * @param stdDev the population standard deviation
 * @param p50 the median
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 * @since 0.1.0
 */
public record AggregatedMetrics(
    MetricType metricType,
    AggregationWindow window,
    long count,
    double mean,
    double min,
    double max,
    double stdDev,
    double p50,
    double p95,
    double p99) {

  /** Validates every field. */
  public AggregatedMetrics {
    requireNonNull(metricType, "metricType");
    requireNonNull(window, "window");
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    Preconditions.nonNegative(mean, "mean");
    Preconditions.nonNegative(min, "min");
    Preconditions.nonNegative(max, "max");
    Preconditions.nonNegative(stdDev, "stdDev");
    Preconditions.nonNegative(p50, "p50");
    Preconditions.nonNegative(p95, "p95");
    Preconditions.nonNegative(p99, "p99");
    if (min > max) {
      throw new IllegalArgumentException(
          "min must not exceed max, got min " + min + " > max " + max);
    }
  }
}
