package io.agentmetrics.aggregator;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.AggregatedMetrics;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.Metadata;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.api.TimingBreakdown;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregates performance metrics across executions over sliding windows from a minute to a week,
 * with percentiles from HdrHistogram and memory bounded by the number of metric types and time
 * slices, never by the number of samples.
 *
 * <h2>How values are kept</h2>
 *
 * Every value is recorded, as a whole number of thousandths of its unit (microseconds for
 * durations), into one HdrHistogram {@code Recorder} per type. Its interval histogram is drained
 * into three time slicings of that type: 10-second slices answer {@link AggregationWindow#MINUTE}
 * and {@code FIVE_MINUTES}, 5-minute slices answer {@code HOUR}, 1-hour slices answer {@code DAY}
 * and {@code WEEK} (lengths configurable in {@link AggregatorConfig}). A window is answered by
 * merging the slices it covers, the newest one partial, so it spans between its length minus one
 * slice and its length. Values are sliced by the time they are added (from the injected {@link
 * TimeSource}'s monotonic clock), not by their timestamps.
 *
 * <h2>Accuracy</h2>
 *
 * Histograms keep 3 significant digits: percentiles, min and max are within 0.1% of the exact value
 * (plus the 1 µs resolution of the recording, so sub-microsecond values read as 0 or 1 µs). The
 * range is 0 to 3,600,000 units (1 hour for durations); a larger value is recorded as 3,600,000 and
 * counted in {@link #clampedCount()}.
 *
 * <h2>Memory</h2>
 *
 * Bounded by types and slices, never by samples. Per metric type: the recorder's live and spare
 * histograms (sized by the largest value seen: about 125 KB each for values up to a few seconds,
 * 377 KB at the full 1 µs–1 h range), at most 60 fine slices (10 minutes, twice the longest fine
 * window, for trends), 24 medium slices (2 hours) and {@code min(336, retention / 1 h + 1)} coarse
 * slices, plus one live slice per slicing (a plain histogram, sized like the recorder's), and the
 * reservoir of raw metrics ({@link AggregatorConfig#reservoirSize()} entries, 10,000 by default,
 * not counted below). Closed slices keep only their non-empty buckets, two to four bytes each
 * (empty slices are not kept). Measured steady state: about 1.6 MB per type that is in use; {@link
 * #estimatedFootprintBytes()} reports the current total and docs/aggregation.md has the table.
 *
 * <h2>Retention</h2>
 *
 * Slices are dropped automatically, as the clock is read on record and query, once they lie
 * entirely before the retention (or are older than twice their longest window); no background
 * thread is needed. {@link #clearOldMetrics()} does the same on demand. Retention is applied per
 * slice, so a window may include up to one slice (1 h for DAY and WEEK) beyond it.
 *
 * <h2>Thread safety</h2>
 *
 * Thread-safe. {@link #addMetric} is lock-free and loses no sample under any contention: it records
 * into an HdrHistogram {@code Recorder} (wait-free) and a lock-free ring buffer. Draining the
 * recorder and rolling to a new slice takes a per-type lock that recording threads only ever try,
 * never wait for; a value recorded during a rollover may land in the adjacent slice. Queries hold
 * that lock to drain and pick slices, and merge closed slices outside it.
 *
 * @since 0.1.0
 */
public final class MetricsAggregator implements MetricsSink {

  /** The agent name of metrics made from a breakdown added without an execution. */
  public static final String UNKNOWN_AGENT = "unknown";

  /** Metadata key {@code "source"} on metrics that were made from a {@link TimingBreakdown}. */
  public static final String SOURCE_KEY = "source";

  /** Metadata value of {@link #SOURCE_KEY} on metrics that were made from a breakdown. */
  public static final String BREAKDOWN_SOURCE = "timing_breakdown";

  /** Values are recorded in thousandths of their unit: microseconds for milliseconds. */
  static final double UNITS_PER_VALUE = 1_000.0;

  /** The largest recordable value, in recorded units: one hour in microseconds. */
  static final long HIGHEST_RECORDED = Duration.ofHours(1).toNanos() / 1_000;

  private static final Logger logger = LoggerFactory.getLogger(MetricsAggregator.class);

  private static final MetricType[] TYPES = MetricType.values();

  /** Made by {@link Metadata#of}, so the metrics of every breakdown share it without a copy. */
  private static final Map<String, Object> BREAKDOWN_METADATA =
      Metadata.of(SOURCE_KEY, BREAKDOWN_SOURCE);

  private final AggregatorConfig config;
  private final TimeSource time;
  private final MetricSeries[] series = new MetricSeries[TYPES.length];
  private final LongAdder clamped = new LongAdder();

  /** An aggregator with the {@link AggregatorConfig#defaults() defaults}: 24 h retention. */
  public MetricsAggregator() {
    this(AggregatorConfig.defaults(), TimeSource.system());
  }

  /**
   * An aggregator with the given retention and otherwise the defaults.
   *
   * @throws IllegalArgumentException if {@code retention} is not positive
   */
  public MetricsAggregator(Duration retention) {
    this(AggregatorConfig.builder().retention(retention).build(), TimeSource.system());
  }

  /** An aggregator with {@code config}, reading time from {@code time}. */
  public MetricsAggregator(AggregatorConfig config, TimeSource time) {
    this.config = requireNonNull(config, "config");
    this.time = requireNonNull(time, "time");
    long originNanos = time.nanoTime();
    for (MetricType type : TYPES) {
      series[type.ordinal()] = new MetricSeries(config, originNanos);
    }
  }

  /**
   * The process-wide aggregator with the defaults, created on first use; every call returns the
   * same instance.
   */
  public static MetricsAggregator global() {
    return GlobalHolder.INSTANCE;
  }

  /** The configuration this aggregator runs with. */
  public AggregatorConfig config() {
    return config;
  }

  /**
   * Records one metric. Lock-free; see the class documentation for how it is kept.
   *
   * @throws NullPointerException if {@code metric} is null (its values are validated when it is
   *     built, so a metric that exists can always be recorded)
   */
  public void addMetric(PerformanceMetric metric) {
    requireNonNull(metric, "metric");
    long nowNanos = time.nanoTime();
    MetricSeries typeSeries = series[metric.metricType().ordinal()];
    typeSeries.record(toRecorded(metric), nowNanos);
    typeSeries.reservoir().add(metric, nowNanos);
  }

  /**
   * Records a breakdown, as a fresh execution of agent {@value #UNKNOWN_AGENT}; see {@link
   * #addTimingBreakdown(TimingBreakdown, UUID, String)} for what is recorded.
   */
  public void addTimingBreakdown(TimingBreakdown breakdown) {
    addTimingBreakdown(breakdown, UUID.randomUUID(), UNKNOWN_AGENT);
  }

  /**
   * Records a breakdown of the given execution: its total as {@link MetricType#TOTAL_EXECUTION},
   * its TTFT (if recorded) as {@link MetricType#TTFT}, and each {@link PhaseCategory} that took
   * time as that category's {@link PhaseCategory#metricType()}.
   *
   * <p>A category with no time is not recorded: an execution that ran no database query says
   * nothing about database latency and must not pull its percentiles towards zero. The exported
   * metrics carry {@code executionId}, {@code agentName}, the current time and the metadata {@code
   * source=timing_breakdown}.
   *
   * @throws NullPointerException if an argument is null
   */
  public void addTimingBreakdown(TimingBreakdown breakdown, UUID executionId, String agentName) {
    recordBreakdown(breakdown, executionId, agentName);
  }

  /**
   * Records a finished execution, so that the aggregator can be given to a collector as its sink.
   *
   * <p>For every metric type the breakdown wins and the metric list fills in: the breakdown is
   * recorded as by {@link #addTimingBreakdown(TimingBreakdown, UUID, String)}, then each metric of
   * the list whose type the breakdown did not record. So a database phase is counted once, from the
   * breakdown, and a database latency added with {@code addMetric} by an execution without a
   * database phase is counted from the list, as is every custom or resource metric.
   */
  @Override
  public void onExecutionCompleted(CompletedExecution execution) {
    requireNonNull(execution, "execution");
    Set<MetricType> fromBreakdown =
        recordBreakdown(execution.breakdown(), execution.executionId(), execution.agentName());
    for (PerformanceMetric metric : execution.metrics()) {
      if (!fromBreakdown.contains(metric.metricType())) {
        addMetric(metric);
      }
    }
  }

  /**
   * Statistics of {@code type} over {@code window}, or empty if the window holds no value.
   *
   * @throws NullPointerException if an argument is null
   */
  public Optional<AggregatedMetrics> getAggregatedMetrics(
      MetricType type, AggregationWindow window) {
    requireNonNull(type, "type");
    requireNonNull(window, "window");
    Histogram histogram = merge(type, window, time.nanoTime(), 0);
    return histogram.getTotalCount() == 0
        ? Optional.empty()
        : Optional.of(toAggregated(type, window, histogram));
  }

  /**
   * Statistics, trends and resource utilization over {@link AggregatorConfig#summaryWindow()}.
   *
   * <p>A type's trend compares the {@link AggregatorConfig#trendStatistic()} of the current window
   * with that of the window of the same length before it: a rise of more than {@link
   * AggregatorConfig#trendTolerance()} (relative) is DEGRADING, a fall of more is IMPROVING. Fewer
   * than {@link AggregatorConfig#minTrendSamples()} samples in either window give STABLE; the
   * summary's {@link PerformanceSummary#trendEvidence()} holds both sample counts.
   */
  public PerformanceSummary getPerformanceSummary() {
    AggregationWindow window = config.summaryWindow();
    long nowNanos = time.nanoTime();
    Map<MetricType, AggregatedMetrics> current = new EnumMap<>(MetricType.class);
    Map<MetricType, TrendEvidence> trends = new EnumMap<>(MetricType.class);
    Map<MetricType, AggregatedMetrics> resources = new EnumMap<>(MetricType.class);
    for (MetricType type : TYPES) {
      Histogram now = merge(type, window, nowNanos, 0);
      Histogram before = merge(type, window, nowNanos, 1);
      if (now.getTotalCount() > 0) {
        AggregatedMetrics metrics = toAggregated(type, window, now);
        current.put(type, metrics);
        if (type == MetricType.MEMORY_USAGE || type == MetricType.THREAD_POOL_USAGE) {
          resources.put(type, metrics);
        }
      }
      if (now.getTotalCount() > 0 || before.getTotalCount() > 0) {
        trends.put(type, trend(now, before));
      }
    }
    return new PerformanceSummary(window, current, trends, resources);
  }

  /**
   * The metric types whose {@code thresholdPercentile}-th percentile over {@link
   * AggregatorConfig#summaryWindow()} exceeds their configured threshold, worst (highest ratio of
   * observed to threshold) first.
   *
   * @throws IllegalArgumentException if {@code thresholdPercentile} is not between 0 and 100
   */
  public List<Bottleneck> getBottlenecks(int thresholdPercentile) {
    return getBottlenecks(thresholdPercentile, config.summaryWindow());
  }

  /**
   * The metric types whose {@code thresholdPercentile}-th percentile over {@code window} exceeds
   * their configured threshold, worst first.
   *
   * @throws IllegalArgumentException if {@code thresholdPercentile} is not between 0 and 100
   * @throws NullPointerException if {@code window} is null
   */
  public List<Bottleneck> getBottlenecks(int thresholdPercentile, AggregationWindow window) {
    AggregatorConfig.checkPercentile(thresholdPercentile, "thresholdPercentile");
    requireNonNull(window, "window");
    long nowNanos = time.nanoTime();
    List<Bottleneck> bottlenecks = new ArrayList<>();
    config
        .bottleneckThresholds()
        .forEach(
            (type, threshold) -> {
              Histogram histogram = merge(type, window, nowNanos, 0);
              if (histogram.getTotalCount() > 0) {
                double observed = fromRecorded(histogram.getValueAtPercentile(thresholdPercentile));
                if (observed > threshold) {
                  bottlenecks.add(
                      new Bottleneck(
                          type,
                          window,
                          thresholdPercentile,
                          observed,
                          threshold,
                          histogram.getTotalCount()));
                }
              }
            });
    bottlenecks.sort(Comparator.comparingDouble(Bottleneck::ratio).reversed());
    return List.copyOf(bottlenecks);
  }

  /**
   * The raw metrics added within {@code window} (and the retention), oldest first, for analyses
   * such as anomaly detection.
   *
   * <p>Bounded: only the most recent {@link AggregatorConfig#reservoirSize()} metrics of each type
   * are kept, so a busy type may export fewer metrics than its window counted. Unlike the
   * histograms, the window's range here is exact: it ends now and is exactly as long as the window.
   *
   * @throws NullPointerException if {@code window} is null
   */
  public List<PerformanceMetric> exportMetrics(AggregationWindow window) {
    requireNonNull(window, "window");
    long nowNanos = time.nanoTime();
    long cutoff = nowNanos - Math.min(window.duration().toNanos(), config.retention().toNanos());
    List<Reservoir.Entry> entries = new ArrayList<>();
    for (MetricSeries typeSeries : series) {
      typeSeries.reservoir().collectSince(cutoff, entries);
    }
    entries.sort(Comparator.comparingLong(Reservoir.Entry::arrivalNanos));
    List<PerformanceMetric> metrics = new ArrayList<>(entries.size());
    for (Reservoir.Entry entry : entries) {
      metrics.add(entry.metric());
    }
    return List.copyOf(metrics);
  }

  /**
   * Drops, now, every slice past the retention (or past twice its longest window) and every kept
   * raw metric past the retention. Dropping also happens on its own whenever the aggregator is
   * used, so this is only needed to free memory of an aggregator that sits idle.
   *
   * @return how many histogram slices were dropped (raw metrics are not counted)
   */
  public int clearOldMetrics() {
    long nowNanos = time.nanoTime();
    long cutoff = nowNanos - config.retention().toNanos();
    int dropped = 0;
    for (MetricSeries typeSeries : series) {
      dropped += typeSeries.expire(nowNanos);
      typeSeries.reservoir().removeBefore(cutoff);
    }
    if (dropped > 0) {
      logger.debug("Dropped {} histogram slices older than {}", dropped, config.retention());
    }
    return dropped;
  }

  /**
   * The estimated heap footprint of all kept histograms, in bytes (the reservoirs of raw metrics,
   * which hold up to {@link AggregatorConfig#reservoirSize()} metrics per type, are not included).
   */
  public long estimatedFootprintBytes() {
    long bytes = 0;
    for (MetricSeries typeSeries : series) {
      bytes += typeSeries.estimatedFootprintBytes();
    }
    return bytes;
  }

  /** How many values were above the recordable range and were recorded as its top. */
  public long clampedCount() {
    return clamped.sum();
  }

  /** How many closed slices are kept across all types and slicings. */
  int closedSlices() {
    int slices = 0;
    for (MetricSeries typeSeries : series) {
      slices += typeSeries.closedSlices();
    }
    return slices;
  }

  private Set<MetricType> recordBreakdown(
      TimingBreakdown breakdown, UUID executionId, String agentName) {
    requireNonNull(breakdown, "breakdown");
    requireNonNull(executionId, "executionId");
    requireNonNull(agentName, "agentName");
    Instant timestamp = time.now();
    Set<MetricType> recorded = EnumSet.noneOf(MetricType.class);
    BreakdownRecorder record =
        (type, value) -> {
          addMetric(
              new PerformanceMetric(
                  type, value, timestamp, executionId, agentName, BREAKDOWN_METADATA));
          recorded.add(type);
        };
    record.accept(MetricType.TOTAL_EXECUTION, breakdown.totalMs());
    OptionalDouble ttft = breakdown.ttftMs();
    if (ttft.isPresent()) {
      record.accept(MetricType.TTFT, ttft.getAsDouble());
    }
    for (PhaseCategory category : PhaseCategory.values()) {
      double ms = breakdown.categoryMs(category);
      if (ms > 0) {
        record.accept(category.metricType(), ms);
      }
    }
    return recorded;
  }

  private Histogram merge(MetricType type, AggregationWindow window, long nowNanos, int back) {
    return series[type.ordinal()].merge(window, nowNanos, back);
  }

  private TrendEvidence trend(Histogram current, Histogram previous) {
    TrendStatistic statistic = config.trendStatistic();
    double now = statistic(current, statistic);
    double before = statistic(previous, statistic);
    long nowCount = current.getTotalCount();
    long beforeCount = previous.getTotalCount();
    Trend trend = Trend.STABLE;
    if (nowCount >= config.minTrendSamples() && beforeCount >= config.minTrendSamples()) {
      double tolerance = config.trendTolerance();
      if (now > before * (1 + tolerance)) {
        trend = Trend.DEGRADING;
      } else if (now < before * (1 - tolerance)) {
        trend = Trend.IMPROVING;
      }
    }
    return new TrendEvidence(trend, statistic, nowCount, beforeCount, now, before);
  }

  private static double statistic(Histogram histogram, TrendStatistic statistic) {
    if (histogram.getTotalCount() == 0) {
      return 0;
    }
    return switch (statistic) {
      case P95 -> fromRecorded(histogram.getValueAtPercentile(95));
      case MEAN -> Moments.of(histogram).mean() / UNITS_PER_VALUE;
    };
  }

  private long toRecorded(PerformanceMetric metric) {
    double units = metric.value() * UNITS_PER_VALUE;
    if (units > HIGHEST_RECORDED) {
      clamped.increment();
      logger.debug(
          "Clamped {} {} {} to the recordable maximum",
          metric.metricType(),
          metric.value(),
          metric.metricType().unit());
      return HIGHEST_RECORDED;
    }
    return Math.round(units);
  }

  private static double fromRecorded(long recorded) {
    return recorded / UNITS_PER_VALUE;
  }

  private static AggregatedMetrics toAggregated(
      MetricType type, AggregationWindow window, Histogram histogram) {
    Moments moments = Moments.of(histogram);
    return new AggregatedMetrics(
        type,
        window,
        histogram.getTotalCount(),
        moments.mean() / UNITS_PER_VALUE,
        fromRecorded(histogram.getMinValue()),
        fromRecorded(histogram.getMaxValue()),
        moments.stdDev() / UNITS_PER_VALUE,
        fromRecorded(histogram.getValueAtPercentile(50)),
        fromRecorded(histogram.getValueAtPercentile(95)),
        fromRecorded(histogram.getValueAtPercentile(99)));
  }

  @FunctionalInterface
  private interface BreakdownRecorder {
    void accept(MetricType type, double value);
  }

  /** Holds the global instance; the JVM initializes it lazily and thread-safely on first use. */
  private static final class GlobalHolder {
    static final MetricsAggregator INSTANCE = new MetricsAggregator();
  }
}
