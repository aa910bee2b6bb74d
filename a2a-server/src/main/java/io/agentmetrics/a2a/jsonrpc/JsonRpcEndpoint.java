package io.agentmetrics.a2a.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * One protocol version's JSON-RPC methods behind the shared HTTP route: the route authenticates,
 * reads the body within its limits and times the request, then asks the endpoint of the version the
 * client named (the {@code A2A-Version} header) to answer it.
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
   * @return the reply to send
   * @since 0.1.0
   */
  JsonRpcReply dispatch(byte[] body, RequestClock clock);

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
}
