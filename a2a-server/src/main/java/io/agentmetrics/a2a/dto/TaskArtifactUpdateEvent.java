package io.agentmetrics.a2a.dto;

import static java.util.Objects.requireNonNull;

/**
 * A streaming event carrying a new or extended artifact.
 *
 * @param taskId the task
 * @param contextId its conversation
 * @param artifact the artifact (or chunk)
 * @param append whether this chunk extends an artifact already sent
 * @param lastChunk whether this is the artifact's last chunk
 * @param kind always {@code artifact-update}
 * @since 0.1.0
 */
public record TaskArtifactUpdateEvent(
    String taskId,
    String contextId,
    Artifact artifact,
    boolean append,
    boolean lastChunk,
    String kind) {

  /** Checks the ids; {@code kind} is always {@code artifact-update}. */
  public TaskArtifactUpdateEvent {
    requireNonNull(taskId, "taskId");
    requireNonNull(contextId, "contextId");
    requireNonNull(artifact, "artifact");
    kind = "artifact-update";
  }

  /**
   * A whole artifact in one event.
   *
   * @param taskId the task
   * @param contextId its conversation
   * @param artifact the artifact
   * @since 0.1.0
   */
  public TaskArtifactUpdateEvent(String taskId, String contextId, Artifact artifact) {
    this(taskId, contextId, artifact, false, true, "artifact-update");
  }
}
