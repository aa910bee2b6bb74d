package io.agentmetrics.agent.llm;

import org.jspecify.annotations.Nullable;

/**
 * A streamed response ended before the provider marked it complete: the connection was cut or
 * closed early. Tokens already delivered to the listener are not taken back, so the call is not
 * retried.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LlmStreamInterruptedException extends LlmException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param provider the provider that failed
   * @param httpStatus the HTTP status, or 0 if there was none
   * @param message what happened and what to do; must not contain secrets
   * @param cause the underlying failure, if any
   */
  public LlmStreamInterruptedException(
      String provider, int httpStatus, String message, @Nullable Throwable cause) {
    super(provider, httpStatus, message, cause);
  }
}
