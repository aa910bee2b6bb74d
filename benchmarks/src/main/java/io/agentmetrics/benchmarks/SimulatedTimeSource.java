package io.agentmetrics.benchmarks;

import io.agentmetrics.api.TimeSource;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@link TimeSource} moved by hand, so that a benchmark can spread millions of records over a day
 * in seconds. Both clocks move together.
 *
 * <p>Not thread-safe: one thread fills an aggregator with it; readers only read after the fill
 * (JMH's setup happens-before the measurement).
 *
 * @since 0.1.0
 */
final class SimulatedTimeSource implements TimeSource {

  private static final Instant WALL_START = Instant.parse("2026-01-01T00:00:00Z");

  private long elapsedNanos;

  /** Moves both clocks forward by {@code nanos}. */
  void advanceNanos(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("nanos must not be negative, got " + nanos);
    }
    elapsedNanos += nanos;
  }

  @Override
  public long nanoTime() {
    return elapsedNanos;
  }

  @Override
  public Instant now() {
    return WALL_START.plus(Duration.ofNanos(elapsedNanos));
  }
}
