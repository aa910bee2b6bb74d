package io.agentmetrics.a2a.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The state of a task at a point in time.
 *
 * @param state the state
 * @param message the agent's message for this state, if any
 * @param timestamp when the state was entered, ISO-8601
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskStatus(TaskState state, @Nullable Message message, String timestamp) {

  /** Checks that state and timestamp are present. */
  public TaskStatus {
    requireNonNull(state, "state");
    requireNonNull(timestamp, "timestamp");
  }
}
