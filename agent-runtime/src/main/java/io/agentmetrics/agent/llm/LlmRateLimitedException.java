package io.agentmetrics.agent.llm;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The provider answered HTTP 429 (or reported an exhausted quota) and the retries were used up, or
 * its 429 asked for a wait longer than the configured {@link RetryConfig#maxRetryAfter() maximum}.
 * (A 5xx with such a wait ends as an {@link LlmUnavailableException}.)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LlmRateLimitedException extends LlmException {

  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param provider the provider that failed
   * @param retryAfter how long the provider asked to wait, or null if it did not say
   * @param message what happened and what to do; must not contain secrets
   * @param cause the underlying failure, if any
   */
  public LlmRateLimitedException(
      String provider, @Nullable Duration retryAfter, String message, @Nullable Throwable cause) {
    super(provider, 429, message, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the provider asked to wait before the next call, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
