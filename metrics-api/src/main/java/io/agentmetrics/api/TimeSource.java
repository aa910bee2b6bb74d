package io.agentmetrics.api;

import java.time.Instant;

/**
 * The clocks agentmetrics reads: a monotonic one for durations and a wall clock for timestamps.
 * Inject a fake in tests to move time without sleeping.
 *
 * <p>Implementations must be thread-safe.
 *
 * @since 0.1.0
 */
public interface TimeSource {

  /** The system clocks: {@link System#nanoTime()} and {@link Instant#now()}. */
  static TimeSource system() {
    return SystemTimeSource.INSTANCE;
  }

  /** A monotonic reading in nanoseconds, meaningful only as a difference to another reading. */
  long nanoTime();

  /** The current wall-clock time. */
  Instant now();
}
