package io.agentmetrics.core;

import io.agentmetrics.api.TimeSource;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A wall-clock reading shared by the executions that start soon after it: each collector timed by
 * {@link TimeSource#system()} anchors its timestamps here instead of reading the wall clock at
 * creation, which costs more than the monotonic read it needs anyway.
 *
 * <p>An anchor serves executions that start at most {@value #MAX_AGE_NANOS} ns of monotonic time
 * after it was taken; the first execution to start later takes a new one. A start derived from it
 * differs from a wall-clock read at creation only by how far the two clocks drift apart in that
 * time, at most 50 µs at the kernel's maximum slew of 500 ppm; a step of the wall clock shows in
 * executions that start after the next anchor.
 *
 * <p>Thread-safe: an anchor is immutable, and threads that replace it at once each write a valid
 * one.
 */
final class WallClockAnchor {

  /** How long, in monotonic nanoseconds, an anchor serves: 100 ms. */
  static final long MAX_AGE_NANOS = 100_000_000L;

  private final TimeSource clocks;
  private volatile @Nullable Reading latest;

  WallClockAnchor(TimeSource clocks) {
    this.clocks = clocks;
  }

  /**
   * A reading of both clocks for an execution that starts at monotonic time {@code startNanos}: the
   * latest one if it is recent enough, else a new one taken now.
   */
  Reading forStartAt(long startNanos) {
    Reading reading = latest;
    if (reading == null || startNanos - reading.nanos > MAX_AGE_NANOS) {
      reading = new Reading(clocks.now(), startNanos);
      latest = reading;
    }
    return reading;
  }

  /**
   * The wall clock {@code wall} and the monotonic clock {@code nanos} read together: the wall-clock
   * time of any monotonic reading is {@code wall} plus the monotonic time since {@code nanos}.
   */
  record Reading(Instant wall, long nanos) {

    /** The wall-clock time of monotonic time {@code atNanos}. */
    Instant at(long atNanos) {
      return wall.plusNanos(atNanos - nanos);
    }
  }
}
