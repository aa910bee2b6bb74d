package io.agentmetrics.aggregator;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.AggregatedMetrics;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.Preconditions;

/**
 * Statistics of one metric, named by its {@link NamedMetric#name()} or its type's {@link
 * io.agentmetrics.api.MetricType#id()}, over one window. Immutable and thread-safe.
 *
 * @param name the metric's name
 * @param unit the unit of every value below
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
public record AggregatedSeries(
    String name,
    String unit,
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
  public AggregatedSeries {
    requireNonNull(name, "name");
    requireNonNull(unit, "unit");
    requireNonNull(window, "window");
    Preconditions.atLeast(count, 1, "count");
    if (min > max) {
      throw new IllegalArgumentException(
          "min must not exceed max, got min " + min + " > max " + max);
    }
  }

  /** The same statistics of a metric type, under the type's id and unit. */
  public static AggregatedSeries of(AggregatedMetrics metrics) {
    return new AggregatedSeries(
        metrics.metricType().id(),
        metrics.metricType().unit(),
        metrics.window(),
        metrics.count(),
        metrics.mean(),
        metrics.min(),
        metrics.max(),
        metrics.stdDev(),
        metrics.p50(),
        metrics.p95(),
        metrics.p99());
  }
}
