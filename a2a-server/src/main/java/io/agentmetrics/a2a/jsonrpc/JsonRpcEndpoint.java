package io.agentmetrics.a2a.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * One protocol version's JSON-RPC methods behind the shared HTTP route: the route authenticates,
 * reserves the body in the in-flight budget, reads it within its limits and times the request, then
 * asks the endpoint of the version the client named (the {@code A2A-Version} header) to answer it.
 * Every endpoint reads its requests through {@link RequestEnvelope}.
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
  default JsonRpcReply.Busy busy() {
    return new JsonRpcReply.Busy(errorBody(JsonRpcErrorCode.INTERNAL_ERROR, InFlightBudget.BUSY));
  }
}
