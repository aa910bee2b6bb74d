package io.agentmetrics.a2a.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The trend of one stage in {@code GET /metrics/summary}: the aggregator's verdict and the numbers
 * it rests on.
 *
 * @param direction {@code improving}, {@code stable} or {@code degrading}
 * @param window the window compared with the one before it, e.g. {@code five_minutes}
 * @param statistic the statistic compared, e.g. {@code p95}
 * @param currentCount samples in the current window
 * @param previousCount samples in the previous window
 * @param currentMs the statistic over the current window
 * @param previousMs the statistic over the previous window
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StageTrend(
    String direction,
    String window,
    String statistic,
    long currentCount,
    long previousCount,
    double currentMs,
    double previousMs) {

  /** Checks the fields. */
  public StageTrend {
    requireNonNull(direction, "direction");
    requireNonNull(window, "window");
    requireNonNull(statistic, "statistic");
  }
}
