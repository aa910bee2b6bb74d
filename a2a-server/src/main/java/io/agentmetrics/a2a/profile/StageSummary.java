package io.agentmetrics.a2a.profile;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.Preconditions;
import org.HdrHistogram.Histogram;

/**
 * Statistics of one request stage, as served by {@code GET /metrics/summary} or computed from a
 * trace log.
 *
 * @param name the stage, e.g. {@code json_parsing}
 * @param count how many requests the statistics cover
 * @param meanMs mean in milliseconds
 * @param p50Ms median
 * @param p95Ms 95th percentile
 * @param p99Ms 99th percentile
 * @param maxMs maximum
 */
record StageSummary(
    String name,
    long count,
    double meanMs,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    double maxMs) {

  StageSummary {
    requireNonNull(name, "name");
    Preconditions.nonNegative(count, "count");
  }

  /** Statistics of a histogram of microseconds, with the exact mean computed by the caller. */
  static StageSummary of(String name, Histogram micros, double meanMs) {
    LatencyStats stats = LatencyStats.of(micros);
    return new StageSummary(
        name, stats.count(), meanMs, stats.median(), stats.p95(), stats.p99(), stats.max());
  }
}
