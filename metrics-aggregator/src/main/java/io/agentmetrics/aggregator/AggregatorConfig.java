package io.agentmetrics.aggregator;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.Preconditions;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The settings of a {@link MetricsAggregator}. Immutable and thread-safe; build one with {@link
 * #builder()} or take {@link #defaults()}.
 *
 * <p>Defaults: 24 h retention, 10,000 exported metrics kept per type, trends by p95 over {@link
 * AggregationWindow#FIVE_MINUTES} with a 10% tolerance and at least 30 samples per window, slices
 * of 10 s (for MINUTE and FIVE_MINUTES), 5 min (for HOUR) and 1 h (for DAY and WEEK), and the
 * bottleneck thresholds of {@link #DEFAULT_BOTTLENECK_THRESHOLDS}, up to 100 named metrics, and
 * 4,096 recent executions remembered so that each counts once.
 *
 * @since 0.1.0
 */
public final class AggregatorConfig {

  /** How long recorded data is kept: 24 hours, as in the seed. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  /** How many raw metrics {@link MetricsAggregator#exportMetrics} keeps per type: 10,000. */
  public static final int DEFAULT_RESERVOIR_SIZE = 10_000;

  /** The largest reservoir size accepted per type: 1,000,000. */
  public static final int MAX_RESERVOIR_SIZE = 1_000_000;

  /** A statistic that moves less than 10% between windows is {@link Trend#STABLE}. */
  public static final double DEFAULT_TREND_TOLERANCE = 0.10;

  /** Trends compare the p95. */
  public static final TrendStatistic DEFAULT_TREND_STATISTIC = TrendStatistic.P95;

  /** Each of the two compared windows needs 30 samples for a verdict other than STABLE. */
  public static final int DEFAULT_MIN_TREND_SAMPLES = 30;

  /** The summary, its trends and the default bottleneck check cover the last five minutes. */
  public static final AggregationWindow DEFAULT_SUMMARY_WINDOW = AggregationWindow.FIVE_MINUTES;

  /** How many names {@link MetricsAggregator#addMetric(NamedMetric, double)} keeps: 100. */
  public static final int DEFAULT_MAX_NAMED_METRICS = 100;

  /** The most names accepted for {@link Builder#maxNamedMetrics}: 10,000. */
  public static final int MAX_NAMED_METRICS = 10_000;

  /**
   * How many recent executions the aggregator remembers to count each once when it receives both
   * their metrics and their breakdown: 4,096, far more than are ever between an execution's metrics
   * and its breakdown.
   */
  public static final int DEFAULT_TRACKED_EXECUTIONS = 4_096;

  /** The most executions accepted for {@link Builder#trackedExecutions}: 1,000,000. */
  public static final int MAX_TRACKED_EXECUTIONS = 1_000_000;

  /** Slice length for {@link AggregationWindow#MINUTE} and {@code FIVE_MINUTES}: 10 s. */
  public static final Duration DEFAULT_FINE_SLICE = Duration.ofSeconds(10);

  /** Slice length for {@link AggregationWindow#HOUR}: 5 min. */
  public static final Duration DEFAULT_MEDIUM_SLICE = Duration.ofMinutes(5);

  /** Slice length for {@link AggregationWindow#DAY} and {@code WEEK}: 1 h. */
  public static final Duration DEFAULT_COARSE_SLICE = Duration.ofHours(1);

  /**
   * Bottleneck thresholds in the type's unit, from the seed's SLO example (TTFT 1 s, database query
   * 100 ms, total execution 5 s) and its typical LLM invocation times (up to 3 s); the other
   * durations are set where an agent user would start to wait: queue wait 500 ms, external API and
   * tool execution 2 s, initialization 1 s, WebSocket notification 100 ms. Resource types have no
   * default threshold; set one with {@link Builder#bottleneckThreshold}.
   */
  public static final Map<MetricType, Double> DEFAULT_BOTTLENECK_THRESHOLDS = defaultThresholds();

  private static final AggregatorConfig DEFAULTS = builder().build();

  private final Duration retention;
  private final int reservoirSize;
  private final double trendTolerance;
  private final TrendStatistic trendStatistic;
  private final int minTrendSamples;
  private final AggregationWindow summaryWindow;
  private final Map<MetricType, Double> bottleneckThresholds;
  private final Duration fineSlice;
  private final Duration mediumSlice;
  private final Duration coarseSlice;
  private final int maxNamedMetrics;
  private final int trackedExecutions;

  private AggregatorConfig(Builder builder) {
    this.retention = builder.retention;
    this.reservoirSize = builder.reservoirSize;
    this.trendTolerance = builder.trendTolerance;
    this.trendStatistic = builder.trendStatistic;
    this.minTrendSamples = builder.minTrendSamples;
    this.summaryWindow = builder.summaryWindow;
    this.bottleneckThresholds =
        Collections.unmodifiableMap(new EnumMap<>(builder.bottleneckThresholds));
    this.fineSlice = builder.fineSlice;
    this.mediumSlice = builder.mediumSlice;
    this.coarseSlice = builder.coarseSlice;
    this.maxNamedMetrics = builder.maxNamedMetrics;
    this.trackedExecutions = builder.trackedExecutions;
  }

  /** The default configuration. */
  public static AggregatorConfig defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.retention = retention;
    builder.reservoirSize = reservoirSize;
    builder.trendTolerance = trendTolerance;
    builder.trendStatistic = trendStatistic;
    builder.minTrendSamples = minTrendSamples;
    builder.summaryWindow = summaryWindow;
    builder.bottleneckThresholds.clear();
    builder.bottleneckThresholds.putAll(bottleneckThresholds);
    builder.fineSlice = fineSlice;
    builder.mediumSlice = mediumSlice;
    builder.coarseSlice = coarseSlice;
    builder.maxNamedMetrics = maxNamedMetrics;
    builder.trackedExecutions = trackedExecutions;
    return builder;
  }

  /** How long recorded data is kept; older slices and exported metrics are dropped. */
  public Duration retention() {
    return retention;
  }

  /** How many of the most recent raw metrics are kept per type for export. */
  public int reservoirSize() {
    return reservoirSize;
  }

  /** The relative change (0.1 = 10%) within which a trend is {@link Trend#STABLE}. */
  public double trendTolerance() {
    return trendTolerance;
  }

  /** The statistic trends compare. */
  public TrendStatistic trendStatistic() {
    return trendStatistic;
  }

  /** The samples each of the two compared windows needs for a verdict other than STABLE. */
  public int minTrendSamples() {
    return minTrendSamples;
  }

  /** The window of {@link MetricsAggregator#getPerformanceSummary()} and its trends. */
  public AggregationWindow summaryWindow() {
    return summaryWindow;
  }

  /** Every configured bottleneck threshold, in the type's unit. */
  public Map<MetricType, Double> bottleneckThresholds() {
    return bottleneckThresholds;
  }

  /** The bottleneck threshold of {@code type}, if one is configured. */
  public OptionalDouble bottleneckThreshold(MetricType type) {
    Double threshold = bottleneckThresholds.get(requireNonNull(type, "type"));
    return threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold);
  }

  /** The slice length for {@link AggregationWindow#MINUTE} and {@code FIVE_MINUTES}. */
  public Duration fineSlice() {
    return fineSlice;
  }

  /** The slice length for {@link AggregationWindow#HOUR}. */
  public Duration mediumSlice() {
    return mediumSlice;
  }

  /** The slice length for {@link AggregationWindow#DAY} and {@code WEEK}. */
  public Duration coarseSlice() {
    return coarseSlice;
  }

  /** How many names of {@link NamedMetric}s the aggregator keeps a series for. */
  public int maxNamedMetrics() {
    return maxNamedMetrics;
  }

  /**
   * How many recent executions the aggregator remembers so that an execution fed both as metrics
   * and as a breakdown counts once.
   */
  public int trackedExecutions() {
    return trackedExecutions;
  }

  @Override
  public String toString() {
    return "AggregatorConfig{retention="
        + retention
        + ", reservoirSize="
        + reservoirSize
        + ", trendTolerance="
        + trendTolerance
        + ", trendStatistic="
        + trendStatistic
        + ", minTrendSamples="
        + minTrendSamples
        + ", summaryWindow="
        + summaryWindow
        + ", bottleneckThresholds="
        + bottleneckThresholds
        + ", slices="
        + fineSlice
        + "/"
        + mediumSlice
        + "/"
        + coarseSlice
        + ", maxNamedMetrics="
        + maxNamedMetrics
        + ", trackedExecutions="
        + trackedExecutions
        + '}';
  }

  static int checkPercentile(int percentile, String name) {
    if (percentile < 0 || percentile > 100) {
      throw new IllegalArgumentException(
          name + " must be between 0 and 100 inclusive, got " + percentile);
    }
    return percentile;
  }

  private static Map<MetricType, Double> defaultThresholds() {
    Map<MetricType, Double> thresholds = new EnumMap<>(MetricType.class);
    thresholds.put(MetricType.TTFT, 1_000.0);
    thresholds.put(MetricType.TOTAL_EXECUTION, 5_000.0);
    thresholds.put(MetricType.QUEUE_WAIT, 500.0);
    thresholds.put(MetricType.DATABASE_QUERY, 100.0);
    thresholds.put(MetricType.EXTERNAL_API, 2_000.0);
    thresholds.put(MetricType.WEBSOCKET_LATENCY, 100.0);
    thresholds.put(MetricType.INITIALIZATION, 1_000.0);
    thresholds.put(MetricType.TOOL_EXECUTION, 2_000.0);
    thresholds.put(MetricType.LLM_PROCESSING, 3_000.0);
    return Collections.unmodifiableMap(thresholds);
  }

  /**
   * Builds an {@link AggregatorConfig}. Every setter validates its argument and throws {@link
   * IllegalArgumentException} naming it and the allowed range. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Duration retention = DEFAULT_RETENTION;
    private int reservoirSize = DEFAULT_RESERVOIR_SIZE;
    private double trendTolerance = DEFAULT_TREND_TOLERANCE;
    private TrendStatistic trendStatistic = DEFAULT_TREND_STATISTIC;
    private int minTrendSamples = DEFAULT_MIN_TREND_SAMPLES;
    private AggregationWindow summaryWindow = DEFAULT_SUMMARY_WINDOW;
    private final Map<MetricType, Double> bottleneckThresholds =
        new EnumMap<>(DEFAULT_BOTTLENECK_THRESHOLDS);
    private Duration fineSlice = DEFAULT_FINE_SLICE;
    private Duration mediumSlice = DEFAULT_MEDIUM_SLICE;
    private Duration coarseSlice = DEFAULT_COARSE_SLICE;
    private int maxNamedMetrics = DEFAULT_MAX_NAMED_METRICS;
    private int trackedExecutions = DEFAULT_TRACKED_EXECUTIONS;

    private Builder() {}

    /** Sets how long data is kept; must be positive. */
    public Builder retention(Duration retention) {
      this.retention = Preconditions.positive(retention, "retention");
      return this;
    }

    /** Sets how many raw metrics are kept per type for export; 1 to 1,000,000. */
    public Builder reservoirSize(int reservoirSize) {
      this.reservoirSize = between(reservoirSize, MAX_RESERVOIR_SIZE, "reservoirSize");
      return this;
    }

    /** Sets the relative change within which a trend is STABLE; 0.0 to 1.0 (0.1 = 10%). */
    public Builder trendTolerance(double trendTolerance) {
      if (!(trendTolerance >= 0 && trendTolerance <= 1)) {
        throw new IllegalArgumentException(
            "trendTolerance must be between 0.0 and 1.0 (0.1 = 10%), got " + trendTolerance);
      }
      this.trendTolerance = trendTolerance;
      return this;
    }

    /** Sets the statistic trends compare. */
    public Builder trendStatistic(TrendStatistic trendStatistic) {
      this.trendStatistic = requireNonNull(trendStatistic, "trendStatistic");
      return this;
    }

    /** Sets the samples each compared window needs for a verdict; at least 1. */
    public Builder minTrendSamples(int minTrendSamples) {
      Preconditions.atLeast(minTrendSamples, 1, "minTrendSamples");
      this.minTrendSamples = minTrendSamples;
      return this;
    }

    /** Sets the window of the performance summary and its trends. */
    public Builder summaryWindow(AggregationWindow summaryWindow) {
      this.summaryWindow = requireNonNull(summaryWindow, "summaryWindow");
      return this;
    }

    /** Sets the bottleneck threshold of {@code type}, in its unit; finite and positive. */
    public Builder bottleneckThreshold(MetricType type, double threshold) {
      requireNonNull(type, "type");
      bottleneckThresholds.put(
          type, Preconditions.positive(threshold, "bottleneckThreshold for " + type));
      return this;
    }

    /** Removes the bottleneck threshold of {@code type}, so it is never reported. */
    public Builder noBottleneckThreshold(MetricType type) {
      bottleneckThresholds.remove(requireNonNull(type, "type"));
      return this;
    }

    /** Sets the slice length for MINUTE and FIVE_MINUTES; must divide one minute evenly. */
    public Builder fineSlice(Duration fineSlice) {
      this.fineSlice = dividing(fineSlice, AggregationWindow.MINUTE, "fineSlice");
      return this;
    }

    /** Sets the slice length for HOUR; must divide one hour evenly. */
    public Builder mediumSlice(Duration mediumSlice) {
      this.mediumSlice = dividing(mediumSlice, AggregationWindow.HOUR, "mediumSlice");
      return this;
    }

    /** Sets the slice length for DAY and WEEK; must divide one day evenly. */
    public Builder coarseSlice(Duration coarseSlice) {
      this.coarseSlice = dividing(coarseSlice, AggregationWindow.DAY, "coarseSlice");
      return this;
    }

    /** Sets how many names of named metrics get a series; 1 to 10,000. */
    public Builder maxNamedMetrics(int maxNamedMetrics) {
      this.maxNamedMetrics = between(maxNamedMetrics, MAX_NAMED_METRICS, "maxNamedMetrics");
      return this;
    }

    /**
     * Sets how many recent executions are remembered to count each once; 1 to 1,000,000. Each costs
     * about 100 bytes.
     */
    public Builder trackedExecutions(int trackedExecutions) {
      this.trackedExecutions =
          between(trackedExecutions, MAX_TRACKED_EXECUTIONS, "trackedExecutions");
      return this;
    }

    /** Builds the configuration. */
    public AggregatorConfig build() {
      return new AggregatorConfig(this);
    }

    private static int between(int value, int max, String name) {
      if (value < 1 || value > max) {
        throw new IllegalArgumentException(
            name + " must be between 1 and " + max + ", got " + value);
      }
      return value;
    }

    private static Duration dividing(Duration slice, AggregationWindow window, String name) {
      Preconditions.positive(slice, name);
      long windowNanos = window.duration().toNanos();
      if (slice.compareTo(window.duration()) > 0 || windowNanos % slice.toNanos() != 0) {
        throw new IllegalArgumentException(
            name + " must divide " + window.duration() + " evenly, got " + slice);
      }
      return slice;
    }
  }
}
