package io.agentmetrics.supervisor.otel;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.Preconditions;
import org.jspecify.annotations.Nullable;

/**
 * Settings of an {@link OpenTelemetryBridge}. Immutable; build one with {@link #builder()} or take
 * the {@link #defaults()}.
 *
 * @param traceSamplingRatio the fraction (0 to 1) of executions exported as traces; metrics always
 *     count every execution
 * @param maxPhaseNames how many distinct phase names the {@code agentmetrics.phase.duration}
 *     histogram keeps as attribute values; later names are folded into their category or {@code
 *     other}
 * @param maxAttributeValues how many distinct values each other free-form metric attribute (agent
 *     name, model, provider, error type) keeps before later values become {@code _OTHER}
 * @param instrumentationScopeName the name of the tracer and meter
 * @param instrumentationScopeVersion the version of the tracer and meter, or null for none
 * @since 0.1.0
 */
public record OpenTelemetryBridgeConfig(
    double traceSamplingRatio,
    int maxPhaseNames,
    int maxAttributeValues,
    String instrumentationScopeName,
    @Nullable String instrumentationScopeVersion) {

  /** Every execution is traced by default; the SDK's own sampler can still drop traces. */
  public static final double DEFAULT_TRACE_SAMPLING_RATIO = 1.0;

  /** Default for {@link #maxPhaseNames()}. */
  public static final int DEFAULT_MAX_PHASE_NAMES = 50;

  /** Default for {@link #maxAttributeValues()}. */
  public static final int DEFAULT_MAX_ATTRIBUTE_VALUES = 100;

  /** Default for {@link #instrumentationScopeName()}. */
  public static final String DEFAULT_INSTRUMENTATION_SCOPE_NAME = "io.agentmetrics.supervisor";

  private static final OpenTelemetryBridgeConfig DEFAULTS = builder().build();

  /**
   * Validates every field.
   *
   * @throws IllegalArgumentException naming the field and its allowed range
   */
  public OpenTelemetryBridgeConfig {
    checkRatio(traceSamplingRatio);
    Preconditions.atLeast(maxPhaseNames, 1, "maxPhaseNames");
    Preconditions.atLeast(maxAttributeValues, 1, "maxAttributeValues");
    Preconditions.notBlank(instrumentationScopeName, "instrumentationScopeName");
  }

  /** The default settings. */
  public static OpenTelemetryBridgeConfig defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  private static void checkRatio(double ratio) {
    if (!(ratio >= 0.0 && ratio <= 1.0)) {
      throw new IllegalArgumentException(
          "traceSamplingRatio must be between 0.0 and 1.0, got " + ratio);
    }
  }

  /**
   * Builds an {@link OpenTelemetryBridgeConfig}. Setters validate at once. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private double traceSamplingRatio = DEFAULT_TRACE_SAMPLING_RATIO;
    private int maxPhaseNames = DEFAULT_MAX_PHASE_NAMES;
    private int maxAttributeValues = DEFAULT_MAX_ATTRIBUTE_VALUES;
    private String instrumentationScopeName = DEFAULT_INSTRUMENTATION_SCOPE_NAME;
    private @Nullable String instrumentationScopeVersion =
        OpenTelemetryBridgeConfig.class.getPackage().getImplementationVersion();

    private Builder() {}

    /**
     * Sets the fraction of executions exported as traces, from 0.0 (none) to 1.0 (all). The
     * decision is derived from the execution id, so it is the same on every replica.
     *
     * @throws IllegalArgumentException if {@code ratio} is outside 0.0 to 1.0
     */
    public Builder traceSamplingRatio(double ratio) {
      checkRatio(ratio);
      this.traceSamplingRatio = ratio;
      return this;
    }

    /**
     * Sets how many distinct phase names become metric attribute values.
     *
     * @throws IllegalArgumentException if {@code max} is less than 1
     */
    public Builder maxPhaseNames(int max) {
      Preconditions.atLeast(max, 1, "maxPhaseNames");
      this.maxPhaseNames = max;
      return this;
    }

    /**
     * Sets how many distinct values each other free-form metric attribute keeps.
     *
     * @throws IllegalArgumentException if {@code max} is less than 1
     */
    public Builder maxAttributeValues(int max) {
      Preconditions.atLeast(max, 1, "maxAttributeValues");
      this.maxAttributeValues = max;
      return this;
    }

    /**
     * Sets the instrumentation scope's name and version (the version may be null).
     *
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Builder instrumentationScope(String name, @Nullable String version) {
      requireNonNull(name, "name");
      this.instrumentationScopeName = Preconditions.notBlank(name, "instrumentationScopeName");
      this.instrumentationScopeVersion = version;
      return this;
    }

    /** Builds the config. */
    public OpenTelemetryBridgeConfig build() {
      return new OpenTelemetryBridgeConfig(
          traceSamplingRatio,
          maxPhaseNames,
          maxAttributeValues,
          instrumentationScopeName,
          instrumentationScopeVersion);
    }
  }
}
