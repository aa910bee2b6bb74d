package io.agentmetrics.aggregator;

/**
 * The statistic that trends compare between two consecutive windows.
 *
 * @since 0.1.0
 */
public enum TrendStatistic {
  /** The 95th percentile: follows the tail that users feel, ignores a few outliers. */
  P95,
  /** The arithmetic mean: follows the bulk, moved by outliers. */
  MEAN
}
