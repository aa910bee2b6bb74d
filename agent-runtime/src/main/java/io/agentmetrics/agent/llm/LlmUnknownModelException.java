package io.agentmetrics.agent.llm;

import org.jspecify.annotations.Nullable;

/**
 * The provider does not know the requested model (HTTP 404). Not retried: fix the model setting
 * ({@code LLM_MODEL}).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LlmUnknownModelException extends LlmException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param provider the provider that failed
   * @param httpStatus the HTTP status, or 0 if there was none
   * @param message what happened and what to do; must not contain secrets
   * @param cause the underlying failure, if any
   */
  public LlmUnknownModelException(
      String provider, int httpStatus, String message, @Nullable Throwable cause) {
    super(provider, httpStatus, message, cause);
  }
}
