package io.agentmetrics.agent.llm;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The provider did not answer or send data within the configured read timeout. Not retried, because
 * a retry would multiply the wait; raise the timeout or check the server. (A connection not made
 * within the connect timeout is an {@link LlmUnavailableException}, and is retried.)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LlmTimeoutException extends LlmException {

  private static final long serialVersionUID = 1L;

  private final Duration timeout;

  /**
   * Creates the exception.
   *
   * @param provider the provider that failed
   * @param timeout the timeout that expired
   * @param message what happened and what to do; must not contain secrets
   * @param cause the underlying failure, if any
   */
  public LlmTimeoutException(
      String provider, Duration timeout, String message, @Nullable Throwable cause) {
    super(provider, 0, message, cause);
    this.timeout = requireNonNull(timeout, "timeout");
  }

  /** The timeout that expired. */
  public Duration timeout() {
    return timeout;
  }
}
