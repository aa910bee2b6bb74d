package io.agentmetrics.a2a.profile;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.Preconditions;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One measured request. Times are nanoseconds relative to the start of the measured run.
 *
 * @param index 1-based request number
 * @param intendedStartNanos when the schedule wanted the request sent (equals {@code startNanos} in
 *     closed-loop runs)
 * @param startNanos when it was actually sent
 * @param endNanos when the response was fully read
 * @param firstEventNanos when the first SSE event arrived, or {@link Outcome#NO_EVENT}
 * @param cause the failure cause, or null on success
 */
record Sample(
    long index,
    long intendedStartNanos,
    long startNanos,
    long endNanos,
    long firstEventNanos,
    @Nullable FailureCause cause) {

  Sample {
    Preconditions.nonNegative(index, "index");
    if (endNanos < startNanos || startNanos < intendedStartNanos) {
      throw new IllegalArgumentException(
          "times must satisfy intended <= start <= end, got "
              + intendedStartNanos
              + ", "
              + startNanos
              + ", "
              + endNanos);
    }
  }

  boolean succeeded() {
    return cause == null;
  }

  /** Latency from the intended start: what a user arriving on schedule would have waited. */
  long correctedNanos() {
    return endNanos - intendedStartNanos;
  }

  /** Latency from the actual send: what the server alone took once the request was on the wire. */
  long uncorrectedNanos() {
    return endNanos - startNanos;
  }

  /** Time to first event from the intended start, when the response was a stream. */
  Optional<Long> ttftNanos() {
    return firstEventNanos == Outcome.NO_EVENT
        ? Optional.empty()
        : Optional.of(firstEventNanos - intendedStartNanos);
  }

  Optional<FailureCause> failure() {
    return Optional.ofNullable(cause);
  }

  static Sample of(
      long index, long intended, long start, long end, long firstEvent, Outcome outcome) {
    requireNonNull(outcome, "outcome");
    return new Sample(index, intended, start, end, firstEvent, outcome.cause());
  }
}
