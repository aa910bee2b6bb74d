package io.agentmetrics.core;

import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.TimeSource;
import java.util.UUID;

/**
 * An {@link ExecutionTimingCollector} for a known execution id that also turns every categorized
 * phase into a metric: when a phase counted in a {@link PhaseCategory} stops, it records a metric
 * of the category's {@link PhaseCategory#metricType() type} with the phase's duration and the phase
 * name under the metadata key {@code "phase"}. Phases timed with {@link #measure(String,
 * MetricType)} record their one metric as usual, not a second one.
 *
 * <p>This is the collector the seed guide's agents use: an aggregator fed from {@link
 * #getMetrics()} then sees the distribution of, say, every {@code llm_processing} phase without
 * extra calls. Thread-safe, like its parent.
 *
 * <p>Final, as its parent is sealed to it: see {@link ExecutionTimingCollector} for why the
 * collectors are a closed hierarchy and how to add behaviour without extending them.
 *
 * @since 0.1.0
 */
public final class EnhancedExecutionTimingCollector extends ExecutionTimingCollector {

  /**
   * Creates a collector for the given execution, timed by the system clocks.
   *
   * @throws NullPointerException naming the parameter that is null
   */
  public EnhancedExecutionTimingCollector(UUID executionId, String agentName) {
    this(executionId, agentName, TimeSource.system());
  }

  /**
   * Creates a collector for the given execution and clocks; tests pass a fake {@link TimeSource}.
   *
   * @throws NullPointerException naming the parameter that is null
   */
  public EnhancedExecutionTimingCollector(
      UUID executionId, String agentName, TimeSource timeSource) {
    super(executionId, agentName, timeSource, true);
  }
}
