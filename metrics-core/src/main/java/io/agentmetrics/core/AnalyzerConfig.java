package io.agentmetrics.core;

import io.agentmetrics.api.Preconditions;

/**
 * The thresholds a {@link PerformanceAnalyzer} judges by. Immutable; build one with {@link
 * #builder()} or take {@link #defaults()}.
 *
 * @param zScoreThreshold a value is an anomaly when its |z-score| exceeds this; positive
 * @param minAnomalySamples the fewest samples of a metric type that anomaly detection looks at;
 *     fewer give no anomalies. At least 2. With n samples no |z-score| can exceed sqrt(n - 1), so
 *     keep it above {@code zScoreThreshold}² + 1, or a type with this few samples can never show an
 *     anomaly
 * @param bottleneckSharePercent a category or phase taking at least this share of the total is a
 *     bottleneck; in (0, 100]
 * @param overheadSharePercent uncategorized time taking at least this share of the total earns an
 *     overhead recommendation; in (0, 100]
 * @param slowTtftMs a time to first token above this earns a streaming recommendation; positive
 * @since 0.1.0
 */
public record AnalyzerConfig(
    double zScoreThreshold,
    int minAnomalySamples,
    double bottleneckSharePercent,
    double overheadSharePercent,
    double slowTtftMs) {

  /** Default {@link #zScoreThreshold()}: 3, the usual three-sigma rule. */
  public static final double DEFAULT_Z_SCORE_THRESHOLD = 3.0;

  /**
   * Default {@link #minAnomalySamples()}: 11, the fewest with which a value can pass the default
   * threshold (sqrt(10) &gt; 3).
   */
  public static final int DEFAULT_MIN_ANOMALY_SAMPLES = 11;

  /** Default {@link #bottleneckSharePercent()}: 20%. */
  public static final double DEFAULT_BOTTLENECK_SHARE_PERCENT = 20.0;

  /** Default {@link #overheadSharePercent()}: 20%. */
  public static final double DEFAULT_OVERHEAD_SHARE_PERCENT = 20.0;

  /** Default {@link #slowTtftMs()}: 1,000 ms, the seed guide's TTFT objective. */
  public static final double DEFAULT_SLOW_TTFT_MS = 1000.0;

  private static final AnalyzerConfig DEFAULTS = builder().build();

  /**
   * Validates every field.
   *
   * @throws IllegalArgumentException naming the field and its allowed range
   */
  public AnalyzerConfig {
    Preconditions.positive(zScoreThreshold, "zScoreThreshold");
    Preconditions.atLeast(minAnomalySamples, 2, "minAnomalySamples");
    percent(bottleneckSharePercent, "bottleneckSharePercent");
    percent(overheadSharePercent, "overheadSharePercent");
    Preconditions.positive(slowTtftMs, "slowTtftMs");
  }

  /**
   * Returns {@code value} if it lies in {@code (0, 100]}; otherwise throws naming {@code field}.
   */
  private static double percent(double value, String field) {
    if (!(value > 0 && value <= 100)) {
      throw new IllegalArgumentException(field + " must be in (0, 100], got " + value);
    }
    return value;
  }

  /** The default thresholds. */
  public static AnalyzerConfig defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an {@link AnalyzerConfig}. Each setter validates its argument. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private double zScoreThreshold = DEFAULT_Z_SCORE_THRESHOLD;
    private int minAnomalySamples = DEFAULT_MIN_ANOMALY_SAMPLES;
    private double bottleneckSharePercent = DEFAULT_BOTTLENECK_SHARE_PERCENT;
    private double overheadSharePercent = DEFAULT_OVERHEAD_SHARE_PERCENT;
    private double slowTtftMs = DEFAULT_SLOW_TTFT_MS;

    private Builder() {}

    /** Sets {@link AnalyzerConfig#zScoreThreshold()}; positive. */
    public Builder zScoreThreshold(double zScoreThreshold) {
      this.zScoreThreshold = Preconditions.positive(zScoreThreshold, "zScoreThreshold");
      return this;
    }

    /** Sets {@link AnalyzerConfig#minAnomalySamples()}; at least 2. */
    public Builder minAnomalySamples(int minAnomalySamples) {
      this.minAnomalySamples = Preconditions.atLeast(minAnomalySamples, 2, "minAnomalySamples");
      return this;
    }

    /** Sets {@link AnalyzerConfig#bottleneckSharePercent()}; in (0, 100]. */
    public Builder bottleneckSharePercent(double bottleneckSharePercent) {
      this.bottleneckSharePercent = percent(bottleneckSharePercent, "bottleneckSharePercent");
      return this;
    }

    /** Sets {@link AnalyzerConfig#overheadSharePercent()}; in (0, 100]. */
    public Builder overheadSharePercent(double overheadSharePercent) {
      this.overheadSharePercent = percent(overheadSharePercent, "overheadSharePercent");
      return this;
    }

    /** Sets {@link AnalyzerConfig#slowTtftMs()}; positive. */
    public Builder slowTtftMs(double slowTtftMs) {
      this.slowTtftMs = Preconditions.positive(slowTtftMs, "slowTtftMs");
      return this;
    }

    /** Builds the configuration. */
    public AnalyzerConfig build() {
      return new AnalyzerConfig(
          zScoreThreshold,
          minAnomalySamples,
          bottleneckSharePercent,
          overheadSharePercent,
          slowTtftMs);
    }
  }
}
