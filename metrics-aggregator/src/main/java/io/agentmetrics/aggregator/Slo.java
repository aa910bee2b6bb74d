package io.agentmetrics.aggregator;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.Preconditions;

/**
 * A service level objective on a percentile: "the {@code percentile}-th percentile of {@code
 * metric} over {@code window} is at most {@code threshold}". Check it with {@link
 * MetricsAggregator#checkSlo(Slo)}. Immutable and thread-safe.
 *
 * <pre>{@code
 * // p95 cost per task <= $0.01 over the last hour
 * Slo costPerTask = Slo.atMost(NamedMetric.COST_USD, 95, 0.01, AggregationWindow.HOUR);
 * }</pre>
 *
 * @param metric the metric's name: a {@link NamedMetric#name()} or a {@link MetricType#id()}
 * @param percentile the percentile compared, 0 to 100
 * @param threshold the largest value that meets the objective, in the metric's unit; finite and not
 *     negative
 * @param window the window the percentile is taken over
 * @since 0.1.0
 */
public record Slo(String metric, int percentile, double threshold, AggregationWindow window) {

  /**
   * Validates every field.
   *
   * @throws IllegalArgumentException naming the field that is out of range
   */
  public Slo {
    requireNonNull(metric, "metric");
    if (metric.isBlank()) {
      throw new IllegalArgumentException("metric must not be blank");
    }
    AggregatorConfig.checkPercentile(percentile, "percentile");
    Preconditions.nonNegative(threshold, "threshold");
    requireNonNull(window, "window");
  }

  /**
   * The objective that the {@code percentile}-th percentile of {@code metric} is at most {@code
   * threshold}.
   */
  public static Slo atMost(
      NamedMetric metric, int percentile, double threshold, AggregationWindow window) {
    return new Slo(requireNonNull(metric, "metric").name(), percentile, threshold, window);
  }

  /**
   * The objective that the {@code percentile}-th percentile of {@code type} is at most {@code
   * threshold}.
   */
  public static Slo atMost(
      MetricType type, int percentile, double threshold, AggregationWindow window) {
    return new Slo(requireNonNull(type, "type").id(), percentile, threshold, window);
  }
}
