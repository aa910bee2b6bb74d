package io.agentmetrics.agent.llm;

import org.jspecify.annotations.Nullable;

/**
 * The provider refused the request itself (an HTTP 4xx other than 401, 403, 404 and 429), for
 * example an invalid parameter or a prompt that is too long. Not retried.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LlmRequestRejectedException extends LlmException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param provider the provider that failed
   * @param httpStatus the HTTP status, or 0 if there was none
   * @param message what happened and what to do; must not contain secrets
   * @param cause the underlying failure, if any
   */
  public LlmRequestRejectedException(
      String provider, int httpStatus, String message, @Nullable Throwable cause) {
    super(provider, httpStatus, message, cause);
  }
}
