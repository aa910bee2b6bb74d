package io.agentmetrics.aggregator;

/**
 * The direction a metric moved between the previous window and the current one.
 *
 * <p>For every metric type a higher value is worse (longer durations, more memory, a fuller thread
 * pool), so a rising statistic is {@link #DEGRADING}.
 *
 * @since 0.1.0
 */
public enum Trend {
  /** The statistic fell by more than the configured tolerance. */
  IMPROVING,
  /** The statistic stayed within the tolerance, or there were too few samples to tell. */
  STABLE,
  /** The statistic rose by more than the configured tolerance. */
  DEGRADING
}
