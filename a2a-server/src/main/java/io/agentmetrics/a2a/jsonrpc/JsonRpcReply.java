package io.agentmetrics.a2a.jsonrpc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.a2a.task.TaskEventStream;

/**
 * What the HTTP layer must send for one JSON-RPC request.
 *
 * @since 0.1.0
 */
public sealed interface JsonRpcReply {

  /**
   * A complete JSON response body (a result or an error).
   *
   * @param body the serialized response
   * @param asEvent whether to send it as a single Server-Sent Event, because the client called a
   *     streaming method and expects {@code text/event-stream} even for an error
   * @since 0.1.0
   */
  record Json(byte[] body, boolean asEvent) implements JsonRpcReply {

    /** Checks the body. */
    public Json {
      requireNonNull(body, "body");
    }
  }

  /**
   * A refusal because the server holds as many bytes for requests in flight as it may ({@code
   * A2A_MAX_INFLIGHT_BYTES}): to be sent with HTTP 503 and {@code Retry-After}, since the same
   * request may well succeed a moment later.
   *
   * @param body the serialized JSON-RPC error
   * @since 0.1.0
   */
  record Busy(byte[] body) implements JsonRpcReply {

    /** Checks the body. */
    public Busy {
      requireNonNull(body, "body");
    }
  }

  /**
   * A stream of task events, each to be sent as an SSE {@code data:} line holding a JSON-RPC
   * response with {@code id}.
   *
   * @param id the request's id
   * @param events the events
   * @since 0.1.0
   */
  record Stream(JsonNode id, TaskEventStream events) implements JsonRpcReply {

    /** Checks the fields. */
    public Stream {
      requireNonNull(id, "id");
      requireNonNull(events, "events");
    }
  }
}
