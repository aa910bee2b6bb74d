package io.agentmetrics.a2a.profile;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.Preconditions;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one profiling run, as recorded in its JSON output.
 *
 * @param url the server's base URL
 * @param endpoint the URL the JSON-RPC requests are posted to
 * @param method the JSON-RPC method called
 * @param requests measured requests, ignored when {@code duration} is set
 * @param duration how long to run, or null for a fixed number of requests
 * @param concurrency client threads (and at most as many connections)
 * @param warmup unmeasured requests sent before the measured run
 * @param rate intended arrival rate in requests per second, or 0 for a closed loop
 * @param stream whether {@code message/stream} is used and TTFT measured
 * @param timeout per-request timeout
 * @param customBody whether the body came from {@code --body}
 * @param authenticated whether a bearer token was sent (the token itself is never recorded)
 */
record ProfileSettings(
    URI url,
    URI endpoint,
    String method,
    int requests,
    @Nullable Duration duration,
    int concurrency,
    int warmup,
    double rate,
    boolean stream,
    Duration timeout,
    boolean customBody,
    boolean authenticated) {

  ProfileSettings {
    requireNonNull(url, "url");
    requireNonNull(endpoint, "endpoint");
    requireNonNull(method, "method");
    requireNonNull(timeout, "timeout");
    Preconditions.atLeast(requests, 1, "requests");
    Preconditions.atLeast(concurrency, 1, "concurrency");
    Preconditions.nonNegative(warmup, "warmup");
    if (rate < 0 || Double.isNaN(rate) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("rate must be a positive number, got " + rate);
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("duration must be positive, got " + duration);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  boolean openLoop() {
    return rate > 0;
  }

  boolean timeBound() {
    return duration != null;
  }

  long durationNanos() {
    return duration == null ? Long.MAX_VALUE : duration.toNanos();
  }

  /** Requests in the run when that is known in advance, else -1. */
  long plannedRequests() {
    if (duration == null) {
      return requests;
    }
    return openLoop() ? (long) Math.ceil(duration.toNanos() / 1e9 * rate) : -1;
  }
}
