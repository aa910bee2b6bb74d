package io.agentmetrics.supervisor;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.agent.ExecutionCosts;
import io.agentmetrics.agent.llm.PriceTable;
import io.agentmetrics.api.Preconditions;
import java.time.Duration;

/**
 * Settings of a {@link SupervisorObservability}. Immutable; build one with {@link #builder()} or
 * take the {@link #defaults()}.
 *
 * @param workflowExpiry how long a workflow may go untouched (no phase, token or breakdown call)
 *     before it counts as abandoned and is dropped
 * @param maxWorkflows how many workflows may be open at once; beyond it the least recently used
 *     ones are dropped as abandoned
 * @param prices the prices the LLM calls of a completed workflow are costed with ({@link
 *     ExecutionCosts})
 * @since 0.1.0
 */
public record SupervisorConfig(Duration workflowExpiry, long maxWorkflows, PriceTable prices) {

  /** Default for {@link #workflowExpiry()}: 15 minutes. */
  public static final Duration DEFAULT_WORKFLOW_EXPIRY = Duration.ofMinutes(15);

  /** Default for {@link #maxWorkflows()}. */
  public static final long DEFAULT_MAX_WORKFLOWS = 10_000;

  private static final SupervisorConfig DEFAULTS =
      new SupervisorConfig(DEFAULT_WORKFLOW_EXPIRY, DEFAULT_MAX_WORKFLOWS, PriceTable.defaults());

  /**
   * Validates every field.
   *
   * @throws IllegalArgumentException naming the field and its allowed range
   */
  public SupervisorConfig {
    Preconditions.positive(workflowExpiry, "workflowExpiry");
    Preconditions.atLeast(maxWorkflows, 1, "maxWorkflows");
    requireNonNull(prices, "prices");
  }

  /** Settings with the {@linkplain PriceTable#defaults() default prices}. */
  public SupervisorConfig(Duration workflowExpiry, long maxWorkflows) {
    this(workflowExpiry, maxWorkflows, PriceTable.defaults());
  }

  /** The default settings. */
  public static SupervisorConfig defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link SupervisorConfig}. Setters validate at once. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Duration workflowExpiry = DEFAULT_WORKFLOW_EXPIRY;
    private long maxWorkflows = DEFAULT_MAX_WORKFLOWS;
    private PriceTable prices = PriceTable.defaults();

    private Builder() {}

    /** Sets the prices LLM calls are costed with. */
    public Builder prices(PriceTable prices) {
      this.prices = requireNonNull(prices, "prices");
      return this;
    }

    /**
     * Sets how long an untouched workflow lives.
     *
     * @throws IllegalArgumentException if {@code expiry} is zero or negative
     */
    public Builder workflowExpiry(Duration expiry) {
      this.workflowExpiry = Preconditions.positive(expiry, "workflowExpiry");
      return this;
    }

    /**
     * Sets how many workflows may be open at once.
     *
     * @throws IllegalArgumentException if {@code max} is less than 1
     */
    public Builder maxWorkflows(long max) {
      this.maxWorkflows = Preconditions.atLeast(max, 1, "maxWorkflows");
      return this;
    }

    /** Builds the config. */
    public SupervisorConfig build() {
      return new SupervisorConfig(workflowExpiry, maxWorkflows, prices);
    }
  }
}
