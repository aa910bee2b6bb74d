package io.agentmetrics.agent.llm;

import org.jspecify.annotations.Nullable;

/**
 * The provider could not be reached or failed on its side (connection refused or reset, HTTP 5xx),
 * and the retries were used up or not allowed.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LlmUnavailableException extends LlmException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param provider the provider that failed
   * @param httpStatus the HTTP status, or 0 if there was none
   * @param message what happened and what to do; must not contain secrets
   * @param cause the underlying failure, if any
   */
  public LlmUnavailableException(
      String provider, int httpStatus, String message, @Nullable Throwable cause) {
    super(provider, httpStatus, message, cause);
  }
}
