package io.agentmetrics.a2a.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/**
 * One stage of the vocabulary in {@code GET /metrics/summary}'s {@code stage_vocabulary}, which the
 * dashboard reads for the stages' order, labels and places instead of a list of its own.
 *
 * @param id the name, e.g. {@code json_parsing}
 * @param label the name for people, e.g. {@code JSON parsing}
 * @param scope {@code request} or {@code task}
 * @param whole whether the stage is its scope's total rather than a part of it
 * @param llm whether the stage is the model call
 * @param goalMs the p95 goal, absent when the stage has none
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageDefinition(
    String id, String label, String scope, boolean whole, boolean llm, @Nullable Double goalMs) {

  /** Checks the fields. */
  public StageDefinition {
    requireNonNull(id, "id");
    requireNonNull(label, "label");
    requireNonNull(scope, "scope");
  }
}
