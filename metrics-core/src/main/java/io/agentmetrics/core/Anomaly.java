package io.agentmetrics.core;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.Preconditions;

/**
 * A metric value far from the other values of its type, found by {@link
 * PerformanceAnalyzer#detectAnomalies}.
 *
 * @param metricType the type of the metric
 * @param value the unusual value
 * @param mean the mean of all values of that type in the analyzed list
 * @param zScore how many standard deviations {@code value} lies from {@code mean}; positive when
 *     above it
 * @since 0.1.0
 */
public record Anomaly(MetricType metricType, double value, double mean, double zScore) {

  /** Validates every field. */
  public Anomaly {
    requireNonNull(metricType, "metricType");
    Preconditions.finite(value, "value");
    Preconditions.finite(mean, "mean");
    Preconditions.finite(zScore, "zScore");
  }
}
