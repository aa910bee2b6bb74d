package io.agentmetrics.a2a.dto;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A snapshot of a task as returned by {@code message/send}, {@code tasks/get} and {@code
 * tasks/cancel}, and as the first event of a stream.
 *
 * @param id the task id
 * @param contextId the conversation the task belongs to
 * @param status the current status
 * @param history the messages exchanged, oldest first
 * @param artifacts the outputs so far
 * @param kind always {@code task}
 * @since 0.1.0
 */
public record Task(
    String id,
    String contextId,
    TaskStatus status,
    List<Message> history,
    List<Artifact> artifacts,
    String kind) {

  /** Checks the ids and copies the lists. */
  public Task {
    requireNonNull(id, "id");
    requireNonNull(contextId, "contextId");
    requireNonNull(status, "status");
    history = List.copyOf(history);
    artifacts = List.copyOf(artifacts);
    kind = "task";
  }

  /**
   * A task snapshot.
   *
   * @param id the task id
   * @param contextId the conversation
   * @param status the status
   * @param history the messages
   * @param artifacts the outputs
   * @since 0.1.0
   */
  public Task(
      String id,
      String contextId,
      TaskStatus status,
      List<Message> history,
      List<Artifact> artifacts) {
    this(id, contextId, status, history, artifacts, "task");
  }

  /**
   * This snapshot with only the last {@code length} history entries, as {@code historyLength} asks.
   *
   * @param length how many of the newest messages to keep
   * @return a trimmed copy, or this task when nothing is trimmed
   * @since 0.1.0
   */
  public Task withHistoryLimit(int length) {
    if (length >= history.size()) {
      return this;
    }
    return new Task(
        id, contextId, status, history.subList(history.size() - length, history.size()), artifacts);
  }
}
