package io.agentmetrics.aggregator;

import io.agentmetrics.api.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; both readings advance together. Thread-safe. */
final class FakeTimeSource implements TimeSource {

  private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

  private final AtomicLong elapsedNanos = new AtomicLong();

  void advance(Duration duration) {
    elapsedNanos.addAndGet(duration.toNanos());
  }

  @Override
  public long nanoTime() {
    return elapsedNanos.get();
  }

  @Override
  public Instant now() {
    return START.plusNanos(elapsedNanos.get());
  }
}
