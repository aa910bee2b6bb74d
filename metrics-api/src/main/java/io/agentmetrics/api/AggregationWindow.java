package io.agentmetrics.api;

import java.time.Duration;

/**
 * The sliding windows over which metrics are aggregated; each ends now.
 *
 * @since 0.1.0
 */
public enum AggregationWindow {
  /** The last 60 seconds. */
  MINUTE(Duration.ofMinutes(1)),
  /** The last 300 seconds. */
  FIVE_MINUTES(Duration.ofMinutes(5)),
  /** The last 3,600 seconds. */
  HOUR(Duration.ofHours(1)),
  /** The last 86,400 seconds. */
  DAY(Duration.ofDays(1)),
  /** The last 604,800 seconds. */
  WEEK(Duration.ofDays(7));

  private final Duration duration;

  AggregationWindow(Duration duration) {
    this.duration = duration;
  }

  /** The length of the window. */
  public Duration duration() {
    return duration;
  }
}
