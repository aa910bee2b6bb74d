package io.agentmetrics.a2a.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One part of the sends' mean end-to-end time, in {@code GET /metrics/summary}'s {@code sends}.
 *
 * @param stage a stage name, {@code agent_other} (the task service's time its stages do not cover)
 *     or {@code other} (the request's time its stages do not cover)
 * @param label the name for people
 * @param meanMs the mean over the paired sends
 * @param share the part of their end-to-end time, 0–1; the segments' shares add up to 1
 * @param llm whether the segment is the model call
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SendSegment(String stage, String label, double meanMs, double share, boolean llm) {

  /** Checks the fields. */
  public SendSegment {
    requireNonNull(stage, "stage");
    requireNonNull(label, "label");
  }
}
