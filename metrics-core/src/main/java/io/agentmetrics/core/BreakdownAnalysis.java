package io.agentmetrics.core;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.Preconditions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link PerformanceAnalyzer#analyzeTimingBreakdown} concluded about one execution.
 *
 * @param efficiencyScore the percentage (0–100) of the total spent in categorized work
 * @param bottlenecks the categories, phases and overhead that took a large share of the total,
 *     largest first
 * @param recommendations concrete advice, one sentence each, most important first; empty when
 *     nothing stands out
 * @since 0.1.0
 */
public record BreakdownAnalysis(
    double efficiencyScore, List<Bottleneck> bottlenecks, List<String> recommendations) {

  /** Validates every field and copies the lists. */
  public BreakdownAnalysis {
    if (!(efficiencyScore >= 0 && efficiencyScore <= 100)) {
      throw new IllegalArgumentException(
          "efficiencyScore must be in [0, 100], got " + efficiencyScore);
    }
    bottlenecks = List.copyOf(requireNonNull(bottlenecks, "bottlenecks"));
    recommendations = List.copyOf(requireNonNull(recommendations, "recommendations"));
  }

  /**
   * What a {@link Bottleneck} is.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** The time of one {@link PhaseCategory}. */
    CATEGORY,
    /**
     * The summed time of one phase name that is not a category id. A phase timed with {@code
     * measure(name, type)} can appear both as a phase and, through its type, as a category.
     */
    PHASE,
    /** The wall time no categorized phase covered. */
    OVERHEAD
  }

  /**
   * A part of the execution that took a large share of its total.
   *
   * @param name the category id, the phase name, or {@code "overhead"}
   * @param kind what {@code name} names
   * @param category the category, for {@link Kind#CATEGORY}; null otherwise
   * @param durationMs the time it took
   * @param sharePercent its share of the total, 0–100 (a phase's summed time can exceed the wall
   *     time when it ran in parallel with itself; the share is capped at 100)
   * @since 0.1.0
   */
  public record Bottleneck(
      String name,
      Kind kind,
      @Nullable PhaseCategory category,
      double durationMs,
      double sharePercent) {

    /** Validates every field. */
    public Bottleneck {
      requireNonNull(name, "name");
      requireNonNull(kind, "kind");
      if ((kind == Kind.CATEGORY) != (category != null)) {
        throw new IllegalArgumentException("category must be set exactly for kind CATEGORY");
      }
      Preconditions.nonNegative(durationMs, "durationMs");
      if (!(sharePercent >= 0 && sharePercent <= 100)) {
        throw new IllegalArgumentException("sharePercent must be in [0, 100], got " + sharePercent);
      }
    }
  }
}
