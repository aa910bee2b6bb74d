package io.agentmetrics.a2a.v1;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.task.TaskEventStream;
import java.util.concurrent.CompletableFuture;

/**
 * What the HTTP layer must send for one HTTP+JSON request.
 *
 * @since 0.1.0
 */
public sealed interface RestReply {

  /**
   * A JSON body with its status.
   *
   * @param status the HTTP status
   * @param body the JSON body
   * @since 0.1.0
   */
  // The body is handed on as it is, without a copy; no one compares or hashes these records.
  @SuppressWarnings("ArrayRecordComponent")
  record Json(int status, byte[] body) implements RestReply {

    /** Checks the body. */
    public Json {
      requireNonNull(body, "body");
    }
  }

  /**
   * An answer the agent has yet to produce (a blocking send waiting in the agent's line): the
   * future completes with it, never exceptionally.
   *
   * @param reply completes with the answer
   * @since 0.1.0
   */
  record Pending(CompletableFuture<Json> reply) implements RestReply {

    /** Checks the future. */
    public Pending {
      requireNonNull(reply, "reply");
    }
  }

  /**
   * A retryable refusal ({@code UNAVAILABLE}): the server holds as many bytes for requests in
   * flight as it may ({@code A2A_MAX_INFLIGHT_BYTES}), the agent's queue cannot start the turn in
   * time, or the stream caps are reached. To be sent with HTTP 503 and {@code Retry-After}.
   *
   * @param body the {@code google.rpc.Status} body
   * @since 0.1.0
   */
  // The body is handed on as it is, without a copy; no one compares or hashes these records.
  @SuppressWarnings("ArrayRecordComponent")
  record Busy(byte[] body) implements RestReply {

    /** Checks the body. */
    public Busy {
      requireNonNull(body, "body");
    }
  }

  /**
   * Task events, each to be sent as an SSE {@code data:} line holding a {@code StreamResponse}.
   *
   * @param events the events
   * @since 0.1.0
   */
  record Stream(TaskEventStream events) implements RestReply {

    /** Checks the events. */
    public Stream {
      requireNonNull(events, "events");
    }
  }
}
