package io.agentmetrics.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One measured value of one execution, such as the duration of a database query.
 *
 * @param metricType what was measured
 * @param value the measurement in the type's {@link MetricType#unit() unit}; finite and not
 *     negative
 * @param timestamp when it was recorded (wall clock)
 * @param executionId the execution it belongs to
 * @param agentName the agent that ran the execution
 * @param metadata free-form context, such as the query or endpoint; copied, in its given order
 * @since 0.1.0
 */
public record PerformanceMetric(
    MetricType metricType,
    double value,
    Instant timestamp,
    UUID executionId,
    String agentName,
    Map<String, Object> metadata) {

  /** Validates every field and copies the metadata. */
  public PerformanceMetric {
    requireNonNull(metricType, "metricType");
    Preconditions.nonNegative(value, "value");
    requireNonNull(timestamp, "timestamp");
    requireNonNull(executionId, "executionId");
    requireNonNull(agentName, "agentName");
    metadata = Maps.orderedCopy(metadata, "metadata");
  }

  /** A metric without metadata. */
  public PerformanceMetric(
      MetricType metricType, double value, Instant timestamp, UUID executionId, String agentName) {
    this(metricType, value, timestamp, executionId, agentName, Map.of());
  }
}
