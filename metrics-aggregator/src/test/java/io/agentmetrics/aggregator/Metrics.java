package io.agentmetrics.aggregator;

import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import java.time.Instant;
import java.util.UUID;

/** Builds metrics for tests. */
final class Metrics {

  static final UUID EXECUTION = UUID.fromString("00000000-0000-0000-0000-000000000042");
  static final Instant WHEN = Instant.parse("2026-01-05T09:00:00Z");

  private Metrics() {}

  static PerformanceMetric metric(MetricType type, double value) {
    return new PerformanceMetric(type, value, WHEN, EXECUTION, "test_agent");
  }
}
