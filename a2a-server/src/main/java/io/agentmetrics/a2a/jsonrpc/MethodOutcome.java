package io.agentmetrics.a2a.jsonrpc;

import io.agentmetrics.a2a.task.TaskEventStream;

/** What a method produced: one result, or a stream of events. */
sealed interface MethodOutcome {

  /** A single JSON-RPC result (a DTO, a list, or {@code NullNode} for a null result). */
  record Result(Object value) implements MethodOutcome {}

  /** Task events, sent as Server-Sent Events. */
  record Stream(TaskEventStream events) implements MethodOutcome {}
}
