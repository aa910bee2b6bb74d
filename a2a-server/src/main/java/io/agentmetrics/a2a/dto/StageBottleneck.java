package io.agentmetrics.a2a.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A stage whose percentile is over its goal, in {@code GET /metrics/summary}.
 *
 * @param stage the stage, e.g. {@code json_parsing}
 * @param window the window observed, e.g. {@code five_minutes}
 * @param percentile the percentile compared, 0–100
 * @param observedMs the observed percentile
 * @param thresholdMs the stage's goal
 * @param ratio observed divided by threshold
 * @param sampleCount samples in the window
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StageBottleneck(
    String stage,
    String window,
    int percentile,
    double observedMs,
    double thresholdMs,
    double ratio,
    long sampleCount) {

  /** Checks the fields. */
  public StageBottleneck {
    requireNonNull(stage, "stage");
    requireNonNull(window, "window");
  }
}
