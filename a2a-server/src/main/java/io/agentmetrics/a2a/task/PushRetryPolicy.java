package io.agentmetrics.a2a.task;

import io.agentmetrics.api.TimeSource;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.eclipse.jetty.http.HttpDateTime;
import org.jspecify.annotations.Nullable;

/**
 * When a push is tried again: only after a network error or an HTTP 408, 429 or 5xx, and at most
 * {@code maxAttempts} times in all. The wait doubles from {@code initialBackoff} up to {@code
 * maxBackoff}, with jitter (a random point in its upper half, so that pushes that failed together
 * do not retry together), and is never shorter than a {@code Retry-After} the receiver sent (in
 * seconds or as an HTTP date). A receiver that asks for more than {@code maxBackoff} is not tried
 * again.
 *
 * <p>Immutable and thread-safe if the jitter source is.
 */
final class PushRetryPolicy {

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final DoubleSupplier jitter;
  private final TimeSource time;

  /**
   * A policy.
   *
   * @param maxAttempts attempts per push, the first included
   * @param initialBackoff the wait after the first failure, before jitter
   * @param maxBackoff the longest wait, {@code Retry-After} included
   * @param jitter uniform random numbers in {@code [0, 1)}
   * @param time the clock that HTTP-date {@code Retry-After} values are measured against
   */
  PushRetryPolicy(
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      DoubleSupplier jitter,
      TimeSource time) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.jitter = jitter;
    this.time = time;
  }

  /** Whether an HTTP status is worth another attempt: 408, 429 and 5xx. */
  static boolean retriable(int status) {
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
  }

  int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The wait before the next attempt, after attempt number {@code attempt} (from 1) failed in a
   * retriable way.
   *
   * @param attempt the attempt that failed
   * @param retryAfter the receiver's {@code Retry-After} header, or {@code null}
   * @return the wait, or empty if no attempt is left or the receiver asked for more than the
   *     longest wait
   */
  Optional<Duration> nextDelay(int attempt, @Nullable String retryAfter) {
    if (attempt >= maxAttempts) {
      return Optional.empty();
    }
    Duration half = backoff(attempt).dividedBy(2);
    Duration jittered = half.plusNanos((long) (jitter.getAsDouble() * half.toNanos()));
    Duration asked = retryAfter == null ? Duration.ZERO : askedFor(retryAfter.trim());
    if (asked.compareTo(maxBackoff) > 0) {
      return Optional.empty();
    }
    return Optional.of(asked.compareTo(jittered) > 0 ? asked : jittered);
  }

  private Duration backoff(int attempt) {
    int doublings = attempt - 1;
    long cap = maxBackoff.toNanos();
    long initial = initialBackoff.toNanos();
    return doublings >= 63 || initial > cap >> doublings
        ? maxBackoff
        : Duration.ofNanos(initial << doublings);
  }

  /** The wait a {@code Retry-After} value asks for; zero if it is malformed or in the past. */
  private Duration askedFor(String value) {
    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // More than 18 digits would overflow; any such wait is beyond every sane maximum.
      return Duration.ofSeconds(value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value));
    }
    long date = HttpDateTime.parseToEpoch(value);
    if (date < 0) {
      return Duration.ZERO;
    }
    Duration until = Duration.ofMillis(date - time.now().toEpochMilli());
    return until.isNegative() ? Duration.ZERO : until;
  }
}
