package io.agentmetrics.a2a.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One protocol version's JSON-RPC methods behind the shared HTTP route: the route authenticates,
 * checks the media type, reserves the body in the in-flight budget, reads it within its limits and
 * times the request, then asks the endpoint of the version the client named (the {@code
 * A2A-Version} header) to answer it. Every endpoint reads its requests through {@link
 * RequestEnvelope}.
 *
 * <p>Implementations are thread-safe.
 *
 * @since 0.1.0
 */
public interface JsonRpcEndpoint {

  /**
   * Handles one request body.
   *
   * @param body the raw body
   * @param clock the request's stage clock
   * @param lease the request's share of the in-flight budget, which an answer larger than the
   *     request (a task read back) must grow first
   * @return the reply to send
   * @since 0.1.0
   */
  JsonRpcReply dispatch(byte[] body, RequestClock clock, InFlightBudget.Lease lease);

  /**
   * Serializes one streamed event as a JSON-RPC success response.
   *
   * @param id the request's id
   * @param event a task event from a {@link JsonRpcReply.Stream}
   * @return the JSON bytes
   * @throws IOException if the event cannot be serialized
   * @since 0.1.0
   */
  byte[] serializeEvent(JsonNode id, Object event) throws IOException;

  /**
   * A JSON-RPC error body with a null id, for failures before the body is read (size, auth).
   *
   * @param code the code
   * @param message the message
   * @return the JSON bytes
   * @since 0.1.0
   */
  byte[] errorBody(JsonRpcErrorCode code, String message);

  /**
   * The refusal of a request that does not fit in the in-flight budget, before its body is read.
   *
   * @return a busy reply with a null id
   * @since 0.1.0
   */
  JsonRpcReply.Busy busy();

  /**
   * Whether this endpoint reads a body of {@code contentType}. The route refuses any other with 415
   * before reading the body, so that a browser's form, text or multipart post from another site
   * never runs a method.
   *
   * @param contentType the {@code Content-Type} header, if any
   * @return whether the body is read
   * @since 0.1.0
   */
  boolean acceptsMediaType(@Nullable String contentType);

  /**
   * The 415 body for a request of {@code contentType}, with a null id.
   *
   * @param contentType the {@code Content-Type} header, if any
   * @return the JSON bytes
   * @since 0.1.0
   */
  byte[] unsupportedMediaType(@Nullable String contentType);

  /**
   * The media type of a {@code Content-Type} header: lower case, without parameters.
   *
   * @param contentType the header, if any
   * @return the media type, empty when there is no header
   * @since 0.1.0
   */
  static String mediaType(@Nullable String contentType) {
    if (contentType == null) {
      return "";
    }
    int parameters = contentType.indexOf(';');
    String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
    return type.trim().toLowerCase(Locale.ROOT);
  }
}
