package io.agentmetrics.agent.llm;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * What differs between LLM providers on the wire: request and response formats and a few error
 * conventions. {@link HttpLlmTransport} does everything else, once, for all of them.
 *
 * <p>Implementations are immutable and thread-safe.
 */
interface ProviderProtocol {

  /** The provider id, such as {@code "gemini"}. */
  String provider();

  /** The configured model. */
  String model();

  /** The endpoint, for error messages. */
  URI baseUri();

  /** The setting to check when the credentials are rejected, such as {@code GEMINI_API_KEY}. */
  String credentialSetting();

  /** A request for a complete answer, without timeout (the transport sets it). */
  HttpRequest.Builder generateRequest(LlmRequest request);

  /** A request for a server-sent-event stream, without timeout. */
  HttpRequest.Builder streamRequest(LlmRequest request);

  /**
   * Reads a complete answer.
   *
   * @throws LlmProtocolException if the body is not a readable answer
   */
  LlmResponse parseResponse(byte[] body, ErrorMapper errors);

  /** A decoder for one stream; it reports errors through {@code errors}. */
  StreamDecoder newStreamDecoder(ErrorMapper errors);

  /** Whether an error answer means the credentials were rejected. */
  default boolean isAuthenticationFailure(int status, String body) {
    return status == 401 || status == 403;
  }

  /** A wait the provider asked for in the error body rather than in {@code Retry-After}. */
  default Optional<Duration> retryDelayHint(String body) {
    return Optional.empty();
  }
}
