package io.agentmetrics.testing;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TimeSource} that moves only when told to, so tests control durations without sleeping.
 * Both clocks move together: {@link #advance(Duration)} adds the same amount to the monotonic and
 * the wall clock.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class FakeTimeSource implements TimeSource {

  /** The wall-clock time a new fake starts at. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  /** A monotonic reading far from zero, so that code treating 0 as "unset" is caught. */
  private static final long INITIAL_NANOS = 1_000_000_000_000L;

  private final Instant wallStart;
  private final AtomicLong elapsedNanos = new AtomicLong();

  /** A fake starting at {@link #DEFAULT_START}. */
  public FakeTimeSource() {
    this(DEFAULT_START);
  }

  /** A fake whose wall clock starts at {@code wallStart}. */
  public FakeTimeSource(Instant wallStart) {
    this.wallStart = requireNonNull(wallStart, "wallStart");
  }

  /**
   * Moves both clocks forward.
   *
   * @throws IllegalArgumentException if {@code amount} is negative; monotonic time never goes back
   */
  public FakeTimeSource advance(Duration amount) {
    requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must not be negative, got " + amount);
    }
    elapsedNanos.addAndGet(amount.toNanos());
    return this;
  }

  /** Moves both clocks forward by {@code millis} milliseconds. */
  public FakeTimeSource advanceMillis(long millis) {
    return advance(Duration.ofMillis(millis));
  }

  @Override
  public long nanoTime() {
    return INITIAL_NANOS + elapsedNanos.get();
  }

  @Override
  public Instant now() {
    return wallStart.plusNanos(elapsedNanos.get());
  }
}
