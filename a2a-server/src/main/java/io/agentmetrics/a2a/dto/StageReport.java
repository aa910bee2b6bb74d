package io.agentmetrics.a2a.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One stage in {@code GET /metrics/summary}: its statistics over the headline window at the top
 * level (what the profiler and the dashboard read), every window under {@code windows}, and its
 * trend.
 *
 * @param headline the statistics over the summary's headline window, unwrapped into this object
 * @param windows window id (e.g. {@code minute}) to its statistics; windows without samples are
 *     left out
 * @param trend the trend, or null when the aggregator has no evidence yet
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageReport(
    @JsonUnwrapped StageWindowStats headline,
    Map<String, StageWindowStats> windows,
    @Nullable StageTrend trend) {

  /** Checks and copies the fields. */
  public StageReport {
    requireNonNull(headline, "headline");
    windows = Collections.unmodifiableMap(new LinkedHashMap<>(windows));
  }
}
