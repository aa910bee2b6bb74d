package io.agentmetrics.aggregator;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.Preconditions;

/**
 * Where an {@link Slo} stands: the percentile observed over its window and whether it is within the
 * threshold. Immutable and thread-safe.
 *
 * @param slo the objective checked
 * @param observed the observed percentile, in the metric's unit
 * @param sampleCount how many values the window held; at least 1
 * @since 0.1.0
 */
public record SloStatus(Slo slo, double observed, long sampleCount) {

  /** Validates every field. */
  public SloStatus {
    requireNonNull(slo, "slo");
    Preconditions.nonNegative(observed, "observed");
    Preconditions.atLeast(sampleCount, 1, "sampleCount");
  }

  /** Whether the observed percentile is at most the threshold. */
  public boolean met() {
    return observed <= slo.threshold();
  }

  /**
   * How far over or under its threshold the percentile is: {@code observed / threshold}, above 1
   * when the objective is missed; infinite when a threshold of 0 is missed.
   */
  public double ratio() {
    if (slo.threshold() == 0) {
      return observed == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return observed / slo.threshold();
  }
}
