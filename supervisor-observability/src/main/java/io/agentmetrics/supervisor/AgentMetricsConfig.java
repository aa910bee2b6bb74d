package io.agentmetrics.supervisor;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.aggregator.AggregatorConfig;
import io.agentmetrics.core.AnalyzerConfig;

/**
 * Every setting of the SDK that {@link AgentMetricsModule} wires: the aggregator's windows and
 * retention, the analyzer's thresholds and the supervisor's workflow expiry. Immutable; build one
 * with {@link #builder()} or take the {@link #defaults()}.
 *
 * @param aggregator settings of the bound {@link io.agentmetrics.aggregator.MetricsAggregator}
 * @param analyzer settings of the bound {@link io.agentmetrics.core.PerformanceAnalyzer}
 * @param supervisor settings of the bound {@link SupervisorObservability}
 * @since 0.1.0
 */
public record AgentMetricsConfig(
    AggregatorConfig aggregator, AnalyzerConfig analyzer, SupervisorConfig supervisor) {

  private static final AgentMetricsConfig DEFAULTS =
      new AgentMetricsConfig(
          AggregatorConfig.defaults(), AnalyzerConfig.defaults(), SupervisorConfig.defaults());

  /** Checks that no part is null. */
  public AgentMetricsConfig {
    requireNonNull(aggregator, "aggregator");
    requireNonNull(analyzer, "analyzer");
    requireNonNull(supervisor, "supervisor");
  }

  /** The defaults of every part. */
  public static AgentMetricsConfig defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an {@link AgentMetricsConfig}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private AggregatorConfig aggregator = AggregatorConfig.defaults();
    private AnalyzerConfig analyzer = AnalyzerConfig.defaults();
    private SupervisorConfig supervisor = SupervisorConfig.defaults();

    private Builder() {}

    /** Sets the aggregator's settings. */
    public Builder aggregator(AggregatorConfig aggregator) {
      this.aggregator = requireNonNull(aggregator, "aggregator");
      return this;
    }

    /** Sets the analyzer's settings. */
    public Builder analyzer(AnalyzerConfig analyzer) {
      this.analyzer = requireNonNull(analyzer, "analyzer");
      return this;
    }

    /** Sets the supervisor's settings. */
    public Builder supervisor(SupervisorConfig supervisor) {
      this.supervisor = requireNonNull(supervisor, "supervisor");
      return this;
    }

    /** Builds the config. */
    public AgentMetricsConfig build() {
      return new AgentMetricsConfig(aggregator, analyzer, supervisor);
    }
  }
}
