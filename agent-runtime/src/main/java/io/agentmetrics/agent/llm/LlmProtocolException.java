package io.agentmetrics.agent.llm;

import org.jspecify.annotations.Nullable;

/**
 * The provider answered with something this client cannot read, such as malformed JSON or a
 * response without text. Usually a base URL pointing at the wrong server.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LlmProtocolException extends LlmException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param provider the provider that failed
   * @param httpStatus the HTTP status, or 0 if there was none
   * @param message what happened and what to do; must not contain secrets
   * @param cause the underlying failure, if any
   */
  public LlmProtocolException(
      String provider, int httpStatus, String message, @Nullable Throwable cause) {
    super(provider, httpStatus, message, cause);
  }
}
