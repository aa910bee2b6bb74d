package io.agentmetrics.a2a.v1;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.task.TaskEventStream;

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
  record Json(int status, byte[] body) implements RestReply {

    /** Checks the body. */
    public Json {
      requireNonNull(body, "body");
    }
  }

  /**
   * A refusal because the server holds as many bytes for requests in flight as it may ({@code
   * A2A_MAX_INFLIGHT_BYTES}): to be sent with HTTP 503 and {@code Retry-After}.
   *
   * @param body the {@code google.rpc.Status} body
   * @since 0.1.0
   */
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
