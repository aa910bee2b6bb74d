package io.agentmetrics.agent.llm;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.Preconditions;
import java.time.Duration;

/**
 * How an HTTP LLM client retries rate-limited (HTTP 429) and failed (HTTP 5xx other than 501 and
 * 505; connection refused, reset or not made within the connect timeout) calls: bounded attempts
 * with capped exponential backoff and jitter, honouring the provider's {@code Retry-After}. A read
 * timeout is not retried ({@link LlmTimeoutException}).
 *
 * <p>The wait before retry {@code n} (1-based) is {@code min(maxBackoff, initialBackoff *
 * 2^(n-1))}, reduced by a random fraction of up to {@code jitter} so that many clients do not retry
 * in step. When the provider sends {@code Retry-After}, the client waits that long instead; if that
 * is longer than {@code maxRetryAfter} it gives up at once: on an HTTP 429 with an {@link
 * LlmRateLimitedException} that carries the wait, on a 5xx with an {@link LlmUnavailableException}.
 * A stream is retried only before its first token.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RetryConfig {

  /** Attempts in all, the first included: {@value}. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** The wait before the first retry: 500 ms. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);

  /** The longest backoff between attempts: 8 s. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);

  /** The longest {@code Retry-After} the client waits for: 30 s. */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);

  /** The largest fraction by which a backoff is randomly shortened: {@value}. */
  public static final double DEFAULT_JITTER = 0.2;

  private static final RetryConfig DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final double jitter;

  private RetryConfig(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.maxRetryAfter = builder.maxRetryAfter;
    this.jitter = builder.jitter;
  }

  /** The default policy: 3 attempts, 500 ms doubling up to 8 s, 20% jitter, Retry-After ≤ 30 s. */
  public static RetryConfig defaults() {
    return DEFAULTS;
  }

  /** A policy that never retries. */
  public static RetryConfig disabled() {
    return builder().maxAttempts(1).build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Attempts in all, the first included; 1 means no retries. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The wait before the first retry. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The longest backoff between attempts. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The longest {@code Retry-After} the client waits for before giving up. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** The largest fraction, in [0, 1], by which a backoff is randomly shortened. */
  public double jitter() {
    return jitter;
  }

  /**
   * The backoff before retry {@code retry} (1-based) for a random draw {@code random} in [0, 1).
   */
  Duration backoff(int retry, double random) {
    long max = maxBackoff.toNanos();
    long base = initialBackoff.toNanos();
    for (int i = 1; i < retry && base < max; i++) {
      base = base > max / 2 ? max : base * 2;
    }
    return Duration.ofNanos(Math.round(base * (1 - jitter * random)));
  }

  @Override
  public String toString() {
    return "RetryConfig[maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", maxRetryAfter="
        + maxRetryAfter
        + ", jitter="
        + jitter
        + "]";
  }

  /**
   * Builds a {@link RetryConfig}; each setter checks its argument. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
    private double jitter = DEFAULT_JITTER;

    private Builder() {}

    /** Attempts in all, the first included; 1 to 10. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 10) {
        throw new IllegalArgumentException("maxAttempts must be in [1, 10], got " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The wait before the first retry; positive. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Preconditions.positive(initialBackoff, "initialBackoff");
      return this;
    }

    /** The longest backoff between attempts; positive. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Preconditions.positive(maxBackoff, "maxBackoff");
      return this;
    }

    /** The longest {@code Retry-After} to wait for; not negative (zero: never wait for one). */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = Preconditions.nonNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /** The largest fraction, in [0, 1], by which a backoff is randomly shortened. */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be in [0, 1], got " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws IllegalArgumentException if {@code initialBackoff} exceeds {@code maxBackoff}
     */
    public RetryConfig build() {
      requireNonNull(initialBackoff, "initialBackoff");
      if (initialBackoff.compareTo(maxBackoff) > 0) {
        throw new IllegalArgumentException(
            "initialBackoff must not exceed maxBackoff, got "
                + initialBackoff
                + " > "
                + maxBackoff);
      }
      return new RetryConfig(this);
    }
  }
}
