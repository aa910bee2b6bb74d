package io.agentmetrics.a2a.task;

import io.agentmetrics.api.Preconditions;
import java.time.Duration;
import java.util.List;

/**
 * Where push notifications may go and how they are delivered.
 *
 * @param allowedHosts hosts pushes may go to ({@code *.example.com} for subdomains), empty for any
 * @param allowPrivate whether pushes may go to internal addresses (loopback, private, link-local,
 *     ...), for local development
 * @param maxConfigsPerTask how many push configs one task may hold
 * @param timeout timeout of one attempt
 * @param maxAttempts attempts per push notification, the first included
 * @param initialBackoff the wait before the first retry, doubled for each later one
 * @param maxBackoff the longest wait between attempts, a receiver's {@code Retry-After} included
 * @since 0.1.0
 */
public record PushSettings(
    List<String> allowedHosts,
    boolean allowPrivate,
    int maxConfigsPerTask,
    Duration timeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff) {

  /** Checks the fields. */
  public PushSettings {
    allowedHosts = List.copyOf(allowedHosts);
    if (maxConfigsPerTask <= 0 || maxAttempts <= 0) {
      throw new IllegalArgumentException(
          "maxConfigsPerTask and maxAttempts must be positive, got "
              + maxConfigsPerTask
              + " and "
              + maxAttempts);
    }
    Preconditions.positive(timeout, "timeout");
    Preconditions.positive(initialBackoff, "initialBackoff");
    Preconditions.positive(maxBackoff, "maxBackoff");
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff must be at least initialBackoff, got " + maxBackoff + " < " + initialBackoff);
    }
  }
}
