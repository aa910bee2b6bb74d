package io.agentmetrics.agent.llm;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Why an LLM call failed. Each subtype is one thing a caller can react to differently; the message
 * says what to do and never contains an API key.
 *
 * <p>Unchecked, so that calls compose with lambdas and futures. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public abstract sealed class LlmException extends RuntimeException
    permits LlmAuthenticationException,
        LlmUnknownModelException,
        LlmRateLimitedException,
        LlmTimeoutException,
        LlmUnavailableException,
        LlmRequestRejectedException,
        LlmProtocolException,
        LlmStreamInterruptedException,
        LlmCancelledException {

  private static final long serialVersionUID = 1L;

  private final String provider;
  private final int httpStatus;

  LlmException(String provider, int httpStatus, String message, @Nullable Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    this.provider = requireNonNull(provider, "provider");
    this.httpStatus = httpStatus;
  }

  /** The provider that failed, such as {@code "gemini"}. */
  public String provider() {
    return provider;
  }

  /** The HTTP status the provider answered with, if the failure came with one. */
  public OptionalInt httpStatus() {
    return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
  }
}
