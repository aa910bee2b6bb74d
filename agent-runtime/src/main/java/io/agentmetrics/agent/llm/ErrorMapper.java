package io.agentmetrics.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Turns provider failures into typed {@link LlmException}s whose messages say what to do. Every
 * message passes through the {@link SecretRedactor}, and provider text is shortened and stripped of
 * control characters.
 *
 * <p>Immutable and thread-safe.
 */
final class ErrorMapper {

  private static final int MAX_DETAIL_CHARS = 400;

  private final ProviderProtocol protocol;
  private final SecretRedactor redactor;

  ErrorMapper(ProviderProtocol protocol, SecretRedactor redactor) {
    this.protocol = protocol;
    this.redactor = redactor;
  }

  private String redact(String text) {
    return redactor.redact(text);
  }

  /** Whether an HTTP status is worth retrying. */
  static boolean isRetryable(int status) {
    return status == 429 || (status >= 500 && status != 501 && status != 505);
  }

  /**
   * The exception for an error answer.
   *
   * @param attempts how many attempts were made, for the message
   * @param retryAfter the wait the provider asked for, if any
   */
  LlmException fromStatus(int status, String body, @Nullable Duration retryAfter, int attempts) {
    String provider = protocol.provider();
    String said = providerSaid(body);
    String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
    if (protocol.isAuthenticationFailure(status, body)) {
      return new LlmAuthenticationException(
          provider,
          status,
          redact(
              provider
                  + " rejected the credentials (HTTP "
                  + status
                  + "): check "
                  + protocol.credentialSetting()
                  + " and that the key may use this model."
                  + said),
          null);
    }
    if (status == 404) {
      return new LlmUnknownModelException(
          provider,
          status,
          redact(
              provider
                  + " does not know model '"
                  + protocol.model()
                  + "' at "
                  + protocol.baseUri()
                  + " (HTTP 404): check LLM_MODEL against the provider's model list, and the"
                  + " base URL."
                  + said),
          null);
    }
    if (status == 429) {
      String wait =
          retryAfter == null ? "" : "; the provider asked to wait " + describe(retryAfter);
      return new LlmRateLimitedException(
          provider,
          retryAfter,
          redact(
              provider
                  + " rate limit exceeded (HTTP 429)"
                  + tries
                  + wait
                  + ": lower the request rate or raise the quota."
                  + said),
          null);
    }
    if (status >= 500) {
      return new LlmUnavailableException(
          provider,
          status,
          redact(
              provider
                  + " failed on its side (HTTP "
                  + status
                  + ")"
                  + tries
                  + ": the service is overloaded or down; try again later."
                  + said),
          null);
    }
    return new LlmRequestRejectedException(
        provider,
        status,
        redact(
            provider
                + " rejected the request (HTTP "
                + status
                + "): check the request's parameters against the provider's limits (model name,"
                + " max output tokens, temperature, prompt length)."
                + said),
        null);
  }

  /** The exception for a network failure before any answer. */
  LlmUnavailableException unreachable(IOException cause, int attempts) {
    String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
    return new LlmUnavailableException(
        protocol.provider(),
        0,
        redact(
            "could not reach "
                + protocol.provider()
                + " at "
                + protocol.baseUri()
                + tries
                + " ("
                + describe(cause)
                + "): check the base URL, the network and that the server is running."),
        cause);
  }

  LlmTimeoutException timeout(Duration timeout, String what, @Nullable Throwable cause) {
    return new LlmTimeoutException(
        protocol.provider(),
        timeout,
        redact(
            protocol.provider()
                + " sent no "
                + what
                + " within "
                + describe(timeout)
                + ": raise the read timeout, or check that the server is not stuck."),
        cause);
  }

  LlmCancelledException cancelled(@Nullable Throwable cause) {
    return new LlmCancelledException(
        protocol.provider(), "the call to " + protocol.provider() + " was cancelled", cause);
  }

  LlmStreamInterruptedException interrupted(String what, @Nullable Throwable cause) {
    return new LlmStreamInterruptedException(
        protocol.provider(),
        0,
        redact(
            "the "
                + protocol.provider()
                + " stream broke off: "
                + what
                + (cause == null ? "" : " (" + describe(cause) + ")")
                + ". The answer is incomplete; call again."),
        cause);
  }

  LlmProtocolException unreadable(String what, @Nullable Throwable cause) {
    return new LlmProtocolException(
        protocol.provider(),
        0,
        redact(
            protocol.provider()
                + " answered with "
                + what
                + " that this client cannot read: check that the base URL "
                + protocol.baseUri()
                + " points at a "
                + protocol.provider()
                + "-compatible API."),
        cause);
  }

  /** The exception for an error object inside a stream ({@code {"error": {...}}}). */
  LlmException fromStreamError(JsonNode error) {
    int code = error.path("code").asInt(0);
    int status = code >= 400 && code < 600 ? code : 500;
    return fromStatus(status, "{\"error\":" + error + "}", null, 1);
  }

  /** " Gemini said: ..." from the provider's error JSON or raw body; empty if there is nothing. */
  private String providerSaid(String body) {
    String detail = body;
    try {
      JsonNode message = LlmJson.MAPPER.readTree(body).path("error").path("message");
      if (message.isTextual()) {
        detail = message.asText();
      }
    } catch (IOException | RuntimeException notJson) {
      // Not JSON: a proxy's HTML or text page; show its start instead.
    }
    detail = detail.replaceAll("\\p{Cntrl}+", " ").strip();
    if (detail.isEmpty()) {
      return "";
    }
    if (detail.length() > MAX_DETAIL_CHARS) {
      detail = detail.substring(0, MAX_DETAIL_CHARS) + "...";
    }
    return " " + protocol.provider() + " said: " + detail;
  }

  static String describe(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null
        ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + message;
  }
}
