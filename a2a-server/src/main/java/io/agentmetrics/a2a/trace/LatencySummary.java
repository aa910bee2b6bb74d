package io.agentmetrics.a2a.trace;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentmetrics.api.AggregatedMetrics;

/**
 * Latency statistics of one stage or metric, in milliseconds; serialized with snake_case names
 * ({@code mean_ms}, {@code p95_ms}), the form {@code /metrics/summary} and the profiler share.
 *
 * @param count how many samples
 * @param meanMs the mean
 * @param p50Ms the median
 * @param p95Ms the 95th percentile
 * @param p99Ms the 99th percentile
 * @param maxMs the maximum
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LatencySummary(
    long count, double meanMs, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

  /**
   * The statistics of an aggregator window, whose values are in milliseconds.
   *
   * @param metrics the window's statistics
   * @return the summary
   * @since 0.1.0
   */
  public static LatencySummary of(AggregatedMetrics metrics) {
    return new LatencySummary(
        metrics.count(),
        TraceLatencyLog.round(metrics.mean()),
        TraceLatencyLog.round(metrics.p50()),
        TraceLatencyLog.round(metrics.p95()),
        TraceLatencyLog.round(metrics.p99()),
        TraceLatencyLog.round(metrics.max()));
  }
}
