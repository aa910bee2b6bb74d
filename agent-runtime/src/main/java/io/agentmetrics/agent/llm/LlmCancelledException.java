package io.agentmetrics.agent.llm;

import org.jspecify.annotations.Nullable;

/**
 * The call was cancelled by its caller: the returned future was cancelled, or the calling thread
 * was interrupted (its interrupt flag is then set again).
 *
 * @since 0.1.0
 */
public final class LlmCancelledException extends LlmException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param provider the provider whose call was cancelled
   * @param message what was cancelled
   * @param cause the underlying failure, if any
   */
  public LlmCancelledException(String provider, String message, @Nullable Throwable cause) {
    super(provider, 0, message, cause);
  }
}
