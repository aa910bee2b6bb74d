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
   * @since 0.1.0
   */
  // The body is handed on as it is, without a copy; no one compares or hashes these records.
  @SuppressWarnings("ArrayRecordComponent")
  record Json(byte[] body, boolean asEvent) implements JsonRpcReply {

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
   * A {@link JsonRpcErrorCode#SERVER_BUSY} refusal: the server holds as many bytes for requests in
   * flight as it may ({@code A2A_MAX_INFLIGHT_BYTES}), or the agent's queue cannot start the turn
   * in time. Nothing was done, so the same request may well succeed a moment later: it is sent with
   * HTTP 503 and {@code Retry-After}. A streaming method gets the same error as a {@link Json}
   * event instead, since its client reads {@code text/event-stream}.
   *
   * @param body the serialized JSON-RPC error
   * @since 0.1.0
   */
  // The body is handed on as it is, without a copy; no one compares or hashes these records.
  @SuppressWarnings("ArrayRecordComponent")
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
