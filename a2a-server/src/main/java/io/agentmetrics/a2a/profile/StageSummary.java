package io.agentmetrics.a2a.profile;

import static java.util.Objects.requireNonNull;

/**
 * Server-side statistics of one request stage, as served by {@code GET /metrics/summary}.
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
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, got " + count);
    }
  }
}
