package io.agentmetrics.a2a.profile;

/**
 * How far the open-loop scheduler fell behind its intended start times.
 *
 * @param lateStarts requests sent more than {@link LoadRun#LATE_START_NANOS} after their intended
 *     time
 * @param maxLagNanos the largest delay between intended and actual start
 * @param openLoop whether the run had a schedule at all
 */
record ScheduleLag(long lateStarts, long maxLagNanos, boolean openLoop) {

  /** Below this share of late starts the schedule counts as kept. */
  static final double SATURATION_SHARE = 0.01;

  ScheduleLag {
    if (lateStarts < 0 || maxLagNanos < 0) {
      throw new IllegalArgumentException(
          "lateStarts and maxLagNanos must not be negative, got "
              + lateStarts
              + " and "
              + maxLagNanos);
    }
  }

  /** Whether more than 1% of the requests went out late: the client could not keep the rate. */
  boolean saturated(long requests) {
    return openLoop && requests > 0 && lateStarts > SATURATION_SHARE * requests;
  }
}
