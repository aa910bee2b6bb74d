package io.agentmetrics.a2a.jsonrpc;

import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.task.TaskEventStream;
import java.util.concurrent.CompletableFuture;

/**
 * What a method produced: one result, a result still to come, a task read back, or a stream of
 * events.
 */
sealed interface MethodOutcome {

  /** A single JSON-RPC result (a DTO, a list, or {@code NullNode} for a null result). */
  record Result(Object value) implements MethodOutcome {}

  /** A single JSON-RPC result that the agent has yet to produce; the future never fails. */
  record Pending(CompletableFuture<Object> value) implements MethodOutcome {}

  /**
   * A task read back ({@code tasks/get}), sent only if the request's budget also holds the task's
   * estimated size: reading changes nothing, so a client told to retry loses nothing, while many
   * reads of one large task at once would each build an answer the size of the task.
   */
  record Snapshot(Task task) implements MethodOutcome {}

  /** Task events, sent as Server-Sent Events. */
  record Stream(TaskEventStream events) implements MethodOutcome {}
}
