package io.agentmetrics.a2a.dto;

import org.jspecify.annotations.Nullable;

/**
 * The params of {@code tasks/get}.
 *
 * @param id the task id
 * @param historyLength how many of the newest history messages to return
 * @param metadata optional metadata
 * @since 0.1.0
 */
public record TaskQueryParams(
    String id, @Nullable Integer historyLength, @Nullable RawJson metadata) {

  /** Checks the id and that {@code historyLength} is not negative. */
  public TaskQueryParams {
    Require.id(id, "id");
    Require.nonNegative(historyLength, "historyLength");
  }
}
