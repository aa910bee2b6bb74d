package io.agentmetrics.agent.llm;

import io.agentmetrics.api.Preconditions;
import java.time.Duration;

/**
 * Settings of a {@link SimulatedLlmClient}: the model name it reports and its latency.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class SimulatedLlmConfig {

  /** The default model name: {@value}. */
  public static final String DEFAULT_MODEL = "simulated-study-planner";

  /** The default time to first token: 300 ms, a typical hosted model's. */
  public static final Duration DEFAULT_TIME_TO_FIRST_TOKEN = Duration.ofMillis(300);

  /** The default delay between tokens: 15 ms, about 65 tokens per second. */
  public static final Duration DEFAULT_INTER_TOKEN_DELAY = Duration.ofMillis(15);

  private static final SimulatedLlmConfig DEFAULTS = builder().build();

  private final String model;
  private final Duration timeToFirstToken;
  private final Duration interTokenDelay;

  private SimulatedLlmConfig(Builder builder) {
    this.model = builder.model;
    this.timeToFirstToken = builder.timeToFirstToken;
    this.interTokenDelay = builder.interTokenDelay;
  }

  /** The defaults: 300 ms to the first token, then 15 ms per token. */
  public static SimulatedLlmConfig defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The model name reported with each response. */
  public String model() {
    return model;
  }

  /** How long the client waits before the first token. */
  public Duration timeToFirstToken() {
    return timeToFirstToken;
  }

  /** How long the client waits between tokens. */
  public Duration interTokenDelay() {
    return interTokenDelay;
  }

  @Override
  public String toString() {
    return "SimulatedLlmConfig[model="
        + model
        + ", timeToFirstToken="
        + timeToFirstToken
        + ", interTokenDelay="
        + interTokenDelay
        + "]";
  }

  /**
   * Builds a {@link SimulatedLlmConfig}; each setter checks its argument. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private String model = DEFAULT_MODEL;
    private Duration timeToFirstToken = DEFAULT_TIME_TO_FIRST_TOKEN;
    private Duration interTokenDelay = DEFAULT_INTER_TOKEN_DELAY;

    private Builder() {}

    /** The model name to report; not blank. */
    public Builder model(String model) {
      this.model = Preconditions.notBlank(model, "model").strip();
      return this;
    }

    /** The wait before the first token; not negative. */
    public Builder timeToFirstToken(Duration timeToFirstToken) {
      this.timeToFirstToken = Preconditions.nonNegative(timeToFirstToken, "timeToFirstToken");
      return this;
    }

    /** The wait between tokens; not negative. */
    public Builder interTokenDelay(Duration interTokenDelay) {
      this.interTokenDelay = Preconditions.nonNegative(interTokenDelay, "interTokenDelay");
      return this;
    }

    /** Builds the config. */
    public SimulatedLlmConfig build() {
      return new SimulatedLlmConfig(this);
    }
  }
}
