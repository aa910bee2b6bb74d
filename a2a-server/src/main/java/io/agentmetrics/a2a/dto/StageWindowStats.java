package io.agentmetrics.a2a.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentmetrics.aggregator.AggregatedSeries;
import io.agentmetrics.api.Preconditions;

/**
 * Latency statistics of one stage over one window of {@code GET /metrics/summary}, in milliseconds;
 * serialized as {@code count}, {@code mean_ms}, {@code p50_ms}, {@code p95_ms}, {@code p99_ms} and
 * {@code max_ms}.
 *
 * @param count how many samples the window holds
 * @param meanMs the mean
 * @param p50Ms the median
 * @param p95Ms the 95th percentile
 * @param p99Ms the 99th percentile
 * @param maxMs the maximum
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StageWindowStats(
    long count, double meanMs, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

  /** Checks the count. */
  public StageWindowStats {
    Preconditions.nonNegative(count, "count");
  }

  /**
   * The statistics of an aggregator window, whose values are in milliseconds, rounded to the
   * microsecond.
   *
   * @param metrics the window's statistics
   * @return the statistics
   * @since 0.1.0
   */
  public static StageWindowStats of(AggregatedSeries metrics) {
    return new StageWindowStats(
        metrics.count(),
        micros(metrics.mean()),
        micros(metrics.p50()),
        micros(metrics.p95()),
        micros(metrics.p99()),
        micros(metrics.max()));
  }

  private static double micros(double ms) {
    return Math.round(ms * 1000.0) / 1000.0;
  }
}
