package io.agentmetrics.aggregator;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.Preconditions;

/**
 * A metric type whose observed percentile exceeds its configured threshold. Immutable and
 * thread-safe.
 *
 * @param metricType the metric type over its threshold
 * @param window the window the percentile was observed over
 * @param percentile the percentile that was compared, 0–100
 * @param observed the observed value of that percentile, in the type's unit
 * @param threshold the configured threshold, in the type's unit; positive
 * @param sampleCount how many samples the window held
 * @since 0.1.0
 */
public record Bottleneck(
    MetricType metricType,
    AggregationWindow window,
    int percentile,
    double observed,
    double threshold,
    long sampleCount) {

  /** Validates every field. */
  public Bottleneck {
    requireNonNull(metricType, "metricType");
    requireNonNull(window, "window");
    AggregatorConfig.checkPercentile(percentile, "percentile");
    Preconditions.positive(threshold, "threshold");
    Preconditions.nonNegative(observed, "observed");
    Preconditions.atLeast(sampleCount, 1, "sampleCount");
  }

  /** How far over its threshold the type is: {@code observed / threshold}, above 1. */
  public double ratio() {
    return observed / threshold;
  }
}
