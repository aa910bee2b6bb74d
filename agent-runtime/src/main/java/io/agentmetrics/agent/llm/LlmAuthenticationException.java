package io.agentmetrics.agent.llm;

import org.jspecify.annotations.Nullable;

/**
 * The provider rejected the credentials (HTTP 401 or 403, or Gemini's {@code API_KEY_INVALID}). Not
 * retried: fix the API key setting the message names.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LlmAuthenticationException extends LlmException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param provider the provider that failed
   * @param httpStatus the HTTP status, or 0 if there was none
   * @param message what happened and what to do; must not contain secrets
   * @param cause the underlying failure, if any
   */
  public LlmAuthenticationException(
      String provider, int httpStatus, String message, @Nullable Throwable cause) {
    super(provider, httpStatus, message, cause);
  }
}
