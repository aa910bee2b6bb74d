package io.agentmetrics.aggregator;

import static java.util.Objects.requireNonNull;

/**
 * A trend verdict together with the data it rests on. Immutable and thread-safe.
 *
 * @param trend the verdict
 * @param statistic the statistic compared
 * @param currentCount samples in the current window
 * @param previousCount samples in the previous window of the same length
 * @param currentValue the statistic over the current window; 0 when it holds no samples
 * @param previousValue the statistic over the previous window; 0 when it holds no samples
 * @since 0.1.0
 */
public record TrendEvidence(
    Trend trend,
    TrendStatistic statistic,
    long currentCount,
    long previousCount,
    double currentValue,
    double previousValue) {

  /** Validates every field. */
  public TrendEvidence {
    requireNonNull(trend, "trend");
    requireNonNull(statistic, "statistic");
    if (currentCount < 0 || previousCount < 0) {
      throw new IllegalArgumentException(
          "sample counts must not be negative, got " + currentCount + " and " + previousCount);
    }
  }
}
