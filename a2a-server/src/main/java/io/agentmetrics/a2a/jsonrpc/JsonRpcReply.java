package io.agentmetrics.a2a.jsonrpc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.a2a.task.TaskEventStream;
import java.util.concurrent.CompletableFuture;

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
   * @param busy whether it is a {@link JsonRpcErrorCode#SERVER_BUSY} error, which plain HTTP
   *     answers with 503 and {@code Retry-After}
   * @since 0.1.0
   */
  record Json(byte[] body, boolean asEvent, boolean busy) implements JsonRpcReply {

    /** Checks the body. */
    public Json {
      requireNonNull(body, "body");
    }
  }

  /**
   * A response the agent has yet to produce: the future completes with it, never exceptionally, on
   * the thread that ended the agent's turn.
   *
   * @param reply completes with the response
   * @since 0.1.0
   */
  record Pending(CompletableFuture<Json> reply) implements JsonRpcReply {

    /** Checks the future. */
    public Pending {
      requireNonNull(reply, "reply");
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
