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
        threeDecimals(metrics.mean()),
        threeDecimals(metrics.p50()),
        threeDecimals(metrics.p95()),
        threeDecimals(metrics.p99()),
        threeDecimals(metrics.max()));
  }

  /**
   * {@code value} rounded to three decimals: milliseconds to the microsecond, so that a
   * sub-millisecond stage does not print as 0.0.
   *
   * @param value the value
   * @return it, rounded half up
   * @since 0.1.0
   */
  public static double threeDecimals(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }
}
