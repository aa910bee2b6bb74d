package io.agentmetrics.aggregator;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.AggregatedMetrics;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.LlmUsage;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
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
 * durations), into an HdrHistogram histogram of its type: one per recording thread's stripe (the
 * cores rounded up to a power of two; a stripe's histogram is created when a thread first records
 * into it), taken by one thread at a time, and a {@code Recorder} a stripe makes for a thread that
 * finds its histogram taken by another. What they recorded is drained into three time slicings of
 * that type: 10-second slices answer {@link AggregationWindow#MINUTE} and {@code FIVE_MINUTES},
 * 5-minute slices answer {@code HOUR}, 1-hour slices answer {@code DAY} and {@code WEEK} (lengths
 * configurable in {@link AggregatorConfig}). A window is answered by merging the slices it covers,
 * the newest one partial, so it spans between its length minus one slice and its length. Values are
 * sliced by the time they are added (from the injected {@link TimeSource}'s monotonic clock), not
 * by their timestamps.
 *
 * <h2>Named metrics</h2>
 *
 * Besides the {@link MetricType}s, the aggregator keeps metrics by name ({@link NamedMetric}): the
 * token counts and cost of every execution it receives as a sink ({@link NamedMetric#INPUT_TOKENS},
 * {@link NamedMetric#OUTPUT_TOKENS}, {@link NamedMetric#COST_USD}), and whatever a caller records
 * with {@link #addMetric(NamedMetric, double)}, such as a server's own stages. A named metric has
 * the same windows, percentiles and trends as a type, answers {@link #getAggregatedMetrics(String,
 * AggregationWindow)} and {@link #checkSlo(Slo)}, but keeps no raw values for {@link
 * #exportMetrics}. At most {@link AggregatorConfig#maxNamedMetrics()} names are kept; values of
 * later names are dropped and counted in {@link #droppedCount()}.
 *
 * <h2>Each execution counts once</h2>
 *
 * An execution's metrics and its breakdown describe the same time twice: the enhanced collector
 * turns its TTFT and every categorized phase into a metric, and the breakdown holds the same TTFT
 * and the same categories. Fed both, as the seed's recipe does ({@code addMetric} for each metric,
 * then {@code addTimingBreakdown}), the aggregator counts each execution once per type: for every
 * type, what an execution's metrics recorded first stands, and its breakdown fills in only the
 * types its metrics did not record (and the other way round if the breakdown comes first). Metrics
 * and breakdowns are matched by execution id ({@link TimingBreakdown#executionId()}), for the
 * {@link AggregatorConfig#trackedExecutions()} most recent executions; a value left out for this
 * reason is counted in {@link #deduplicatedCount()}. {@link #onExecutionCompleted} applies the same
 * rule, so an execution fed as a sink and one fed by the recipe give the same statistics.
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
 * Bounded by types, stripes and slices, never by samples. Per metric type: each recorder's live and
 * spare histograms, one recorder per stripe that a thread recorded into (sized by the largest value
 * seen: about 125 KB each for values up to a few seconds, 377 KB at the full 1 µs–1 h range), at
 * most 60 fine slices (10 minutes, twice the longest fine window, for trends), 24 medium slices (2
 * hours) and {@code min(336, retention / 1 h + 1)} coarse slices, plus one live slice per slicing
 * (a plain histogram, sized like the recorder's), and the reservoir of raw metrics (up to {@link
 * AggregatorConfig#reservoirSize()} entries, 10,000 by default, per stripe in use, of which a read
 * keeps the newest {@code reservoirSize()}; not counted below). Closed slices keep only their
 * non-empty buckets, in runs of adjacent buckets: about 1.3 bytes a bucket where values are dense
 * (empty slices are not kept), so a slice grows with the distinct buckets its values fill, up to
 * the range's 23,221. Measured steady state, recorded by one thread: about 1.3 MB per type that is
 * in use; {@link #estimatedFootprintBytes()} reports the current total and docs/aggregation.md has
 * the table.
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
 * Thread-safe. {@link #addMetric} takes no lock and loses no sample under any contention: it
 * records into the calling thread's stripe, HdrHistogram recorders (wait-free) and a ring buffer of
 * preallocated arrays, so threads on different stripes share no counter. Threads that share a
 * stripe wait for each other only in the ring, when one is a whole lap ({@link
 * AggregatorConfig#reservoirSize()} records) ahead of another still storing into the same slot (see
 * {@code Reservoir}). Draining the recorder and rolling to a new slice takes a per-type lock that
 * recording threads only ever try, never wait for; the one that takes it does the rollover, which
 * waits at most for the one value another thread may be recording on each stripe. A value recorded
 * during a rollover may land in the adjacent slice. Queries hold that lock to drain and pick
 * slices, and merge closed slices outside it.
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

  /** Type values are recorded in thousandths of their unit: microseconds for milliseconds. */
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
  private final long originNanos;
  private final MetricSeries[] series = new MetricSeries[TYPES.length];
  private final StripedReservoir[] reservoirs = new StripedReservoir[TYPES.length];
  private final ConcurrentHashMap<String, Named> named = new ConcurrentHashMap<>();
  private final ExecutionLedger ledger;
  private final LongAdder clamped = new LongAdder();
  private final LongAdder deduplicated = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder unpriced = new LongAdder();

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
    this.originNanos = time.nanoTime();
    this.ledger = new ExecutionLedger(config.trackedExecutions());
    for (MetricType type : TYPES) {
      series[type.ordinal()] = new MetricSeries(config, originNanos, UNITS_PER_VALUE);
      reservoirs[type.ordinal()] = new StripedReservoir(config.reservoirSize(), Stripes.forCores());
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
   * Records one metric, unless its execution's breakdown already recorded its type (see the class
   * documentation). Takes no lock; see the class documentation for how it is kept.
   *
   * @throws NullPointerException if {@code metric} is null (its values are validated when it is
   *     built, so a metric that exists can always be recorded)
   */
  public void addMetric(PerformanceMetric metric) {
    requireNonNull(metric, "metric");
    int thread = Stripes.threadNumber();
    if (ledger.claim(
        metric.executionId(), metric.metricType(), ExecutionLedger.Source.METRICS, thread)) {
      record(metric, thread);
    } else {
      deduplicated.increment();
    }
  }

  /**
   * Records one value of a named metric, in the metric's unit. The first {@link
   * AggregatorConfig#maxNamedMetrics()} names each get their series, defined by the first {@link
   * NamedMetric} seen with that name; a value of a later name, or one that is negative or not
   * finite, is dropped, counted in {@link #droppedCount()} and logged at DEBUG. Lock-free once the
   * name's series exists.
   *
   * @throws NullPointerException if {@code metric} is null
   */
  public void addMetric(NamedMetric metric, double value) {
    requireNonNull(metric, "metric");
    if (!(value >= 0) || Double.isInfinite(value)) {
      drop(metric.name(), "its value " + value + " is negative or not finite");
      return;
    }
    Named series = named.get(metric.name());
    if (series == null) {
      series = createNamed(metric);
      if (series == null) {
        drop(metric.name(), "more than " + config.maxNamedMetrics() + " names are in use");
        return;
      }
    }
    series
        .series()
        .record(
            toRecorded(value, series.series(), metric.name()),
            time.nanoTime(),
            Stripes.threadNumber());
  }

  /**
   * Records a breakdown. A breakdown taken from a collector carries its execution id, and counts
   * only the types that execution's metrics did not already record (see the class documentation); a
   * breakdown built by hand counts as a fresh execution of agent {@value #UNKNOWN_AGENT}. See
   * {@link #addTimingBreakdown(TimingBreakdown, UUID, String)} for what is recorded.
   */
  public void addTimingBreakdown(TimingBreakdown breakdown) {
    requireNonNull(breakdown, "breakdown");
    UUID executionId = breakdown.executionId();
    if (executionId == null) {
      recordBreakdown(breakdown, UUID.randomUUID(), UNKNOWN_AGENT, false);
    } else {
      recordBreakdown(breakdown, executionId, UNKNOWN_AGENT, true);
    }
  }

  /**
   * Records a breakdown of the given execution: its total as {@link MetricType#TOTAL_EXECUTION},
   * its TTFT (if recorded) as {@link MetricType#TTFT}, and each {@link PhaseCategory} that took
   * time as that category's {@link PhaseCategory#metricType()}, each unless the execution's metrics
   * already recorded that type.
   *
   * <p>A category with no time is not recorded: an execution that ran no database query says
   * nothing about database latency and must not pull its percentiles towards zero. The exported
   * metrics carry {@code executionId}, {@code agentName}, the current time and the metadata {@code
   * source=timing_breakdown}.
   *
   * @throws NullPointerException if an argument is null
   */
  public void addTimingBreakdown(TimingBreakdown breakdown, UUID executionId, String agentName) {
    recordBreakdown(breakdown, executionId, agentName, true);
  }

  /**
   * Records a finished execution, so that the aggregator can be given to a collector as its sink:
   * its metrics, then its breakdown for the types the metrics did not record, exactly as the seed's
   * recipe of {@link #addMetric(PerformanceMetric)} and {@link
   * #addTimingBreakdown(TimingBreakdown)} would. So a database query timed with {@code measure}
   * counts once, as its own metric, and a phase named {@code database_query} that made no metric
   * counts once, from the breakdown.
   *
   * <p>An execution whose LLM phases reported token usage ({@link CompletedExecution#llmUsage()})
   * also records its total {@link NamedMetric#INPUT_TOKENS} and {@link NamedMetric#OUTPUT_TOKENS},
   * and, when every such call was priced, its {@link NamedMetric#COST_USD}; an execution with an
   * unpriced call records no cost and is counted in {@link #unpricedExecutions()}.
   */
  @Override
  public void onExecutionCompleted(CompletedExecution execution) {
    requireNonNull(execution, "execution");
    for (PerformanceMetric metric : execution.metrics()) {
      addMetric(metric);
    }
    recordBreakdown(execution.breakdown(), execution.executionId(), execution.agentName(), true);
    LlmUsage usage = execution.llmUsage();
    if (usage.calls() > 0) {
      addMetric(NamedMetric.INPUT_TOKENS, (double) usage.inputTokens());
      addMetric(NamedMetric.OUTPUT_TOKENS, (double) usage.outputTokens());
      if (usage.priced()) {
        addMetric(NamedMetric.COST_USD, usage.costUsd());
      } else {
        unpriced.increment();
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
   * Statistics of the metric {@code name} over {@code window}: a {@link NamedMetric#name()}, or a
   * {@link MetricType#id()} for that type's statistics. Empty if the name is unknown or the window
   * holds no value.
   *
   * @throws NullPointerException if an argument is null
   */
  public Optional<AggregatedSeries> getAggregatedMetrics(String name, AggregationWindow window) {
    requireNonNull(name, "name");
    requireNonNull(window, "window");
    return statistics(name, window, time.nanoTime());
  }

  /**
   * The trend of the metric {@code name} (a named metric or a type's id) over {@link
   * AggregatorConfig#summaryWindow()}, decided as in {@link #getPerformanceSummary()}; empty if the
   * name is unknown or neither window holds a value.
   *
   * @throws NullPointerException if {@code name} is null
   */
  public Optional<TrendEvidence> getTrend(String name) {
    requireNonNull(name, "name");
    MetricSeries found = seriesOf(name);
    if (found == null) {
      return Optional.empty();
    }
    long nowNanos = time.nanoTime();
    AggregationWindow window = config.summaryWindow();
    Histogram now = found.merge(window, nowNanos, 0);
    Histogram before = found.merge(window, nowNanos, 1);
    if (now.getTotalCount() == 0 && before.getTotalCount() == 0) {
      return Optional.empty();
    }
    return Optional.of(trend(now, before, found.unitsPerValue()));
  }

  /**
   * Checks a service level objective: the {@code slo.percentile()}-th percentile of its metric over
   * its window, against its threshold.
   *
   * <pre>{@code
   * Optional<SloStatus> cost =
   *     aggregator.checkSlo(Slo.atMost(NamedMetric.COST_USD, 95, 0.01, AggregationWindow.HOUR));
   * if (cost.isPresent() && !cost.get().met()) {
   *   // p95 cost per task is above $0.01
   * }
   * }</pre>
   *
   * @return the observed percentile and whether it meets the objective; empty if the metric is
   *     unknown or its window holds no value, since no data neither meets nor misses an objective
   * @throws NullPointerException if {@code slo} is null
   */
  public Optional<SloStatus> checkSlo(Slo slo) {
    requireNonNull(slo, "slo");
    MetricSeries found = seriesOf(slo.metric());
    if (found == null) {
      return Optional.empty();
    }
    Histogram histogram = found.merge(slo.window(), time.nanoTime(), 0);
    if (histogram.getTotalCount() == 0) {
      return Optional.empty();
    }
    double observed = histogram.getValueAtPercentile(slo.percentile()) / found.unitsPerValue();
    return Optional.of(new SloStatus(slo, observed, histogram.getTotalCount()));
  }

  /** The named metrics that have a series, in the order they were first recorded. */
  public List<NamedMetric> namedMetrics() {
    List<Named> all = new ArrayList<>(named.values());
    all.sort(Comparator.comparingLong(Named::order));
    List<NamedMetric> metrics = new ArrayList<>(all.size());
    for (Named series : all) {
      metrics.add(series.metric());
    }
    return List.copyOf(metrics);
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
        trends.put(type, trend(now, before, UNITS_PER_VALUE));
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
    for (StripedReservoir reservoir : reservoirs) {
      reservoir.collectSince(cutoff, entries);
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
    int slices = 0;
    for (MetricSeries typeSeries : series) {
      slices += typeSeries.expire(nowNanos);
    }
    for (Named namedSeries : named.values()) {
      slices += namedSeries.series().expire(nowNanos);
    }
    for (StripedReservoir reservoir : reservoirs) {
      reservoir.removeBefore(cutoff);
    }
    if (slices > 0) {
      logger.debug("Dropped {} histogram slices older than {}", slices, config.retention());
    }
    return slices;
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
    for (Named namedSeries : named.values()) {
      bytes += namedSeries.series().estimatedFootprintBytes();
    }
    return bytes;
  }

  /** How many values were above the recordable range and were recorded as its top. */
  public long clampedCount() {
    return clamped.sum();
  }

  /**
   * How many values were left out because the same execution had already recorded their type from
   * its other source (metrics or breakdown); see the class documentation.
   */
  public long deduplicatedCount() {
    return deduplicated.sum();
  }

  /** How many named-metric values were dropped: invalid, or of a name beyond the limit. */
  public long droppedCount() {
    return dropped.sum();
  }

  /** How many executions with LLM usage recorded no cost, because a call had no known price. */
  public long unpricedExecutions() {
    return unpriced.sum();
  }

  /** How many closed slices are kept across all types and slicings. */
  int closedSlices() {
    int slices = 0;
    for (MetricSeries typeSeries : series) {
      slices += typeSeries.closedSlices();
    }
    for (Named namedSeries : named.values()) {
      slices += namedSeries.series().closedSlices();
    }
    return slices;
  }

  private void recordBreakdown(
      TimingBreakdown breakdown, UUID executionId, String agentName, boolean known) {
    requireNonNull(breakdown, "breakdown");
    requireNonNull(executionId, "executionId");
    requireNonNull(agentName, "agentName");
    Instant timestamp = time.now();
    int thread = Stripes.threadNumber();
    BreakdownRecorder record =
        (type, value) -> {
          if (known && !ledger.claim(executionId, type, ExecutionLedger.Source.BREAKDOWN, thread)) {
            deduplicated.increment();
            return;
          }
          record(
              new PerformanceMetric(
                  type, value, timestamp, executionId, agentName, BREAKDOWN_METADATA),
              thread);
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
  }

  /**
   * Records a type's metric into its histograms and reservoir, on the stripes of the thread
   * numbered {@code thread} ({@link Stripes#threadNumber()}).
   */
  private void record(PerformanceMetric metric, int thread) {
    long nowNanos = time.nanoTime();
    int index = metric.metricType().ordinal();
    MetricSeries typeSeries = series[index];
    typeSeries.record(
        toRecorded(metric.value(), typeSeries, metric.metricType()), nowNanos, thread);
    reservoirs[index].add(metric, nowNanos, thread);
  }

  private @Nullable Named createNamed(NamedMetric metric) {
    synchronized (named) {
      Named existing = named.get(metric.name());
      if (existing != null) {
        return existing;
      }
      if (named.size() >= config.maxNamedMetrics()) {
        return null;
      }
      Named created =
          new Named(
              metric, new MetricSeries(config, originNanos, 1 / metric.resolution()), named.size());
      named.put(metric.name(), created);
      return created;
    }
  }

  private void drop(String name, String reason) {
    dropped.increment();
    logger.debug("Dropped a value of named metric '{}': {}", name, reason);
  }

  /** The series of a named metric or, for a type's id, of that type; null if there is none. */
  private @Nullable MetricSeries seriesOf(String name) {
    Named found = named.get(name);
    if (found != null) {
      return found.series();
    }
    for (MetricType type : TYPES) {
      if (type.id().equals(name)) {
        return series[type.ordinal()];
      }
    }
    return null;
  }

  private Optional<AggregatedSeries> statistics(
      String name, AggregationWindow window, long nowNanos) {
    Named found = named.get(name);
    if (found != null) {
      Histogram histogram = found.series().merge(window, nowNanos, 0);
      if (histogram.getTotalCount() == 0) {
        return Optional.empty();
      }
      NamedMetric metric = found.metric();
      return Optional.of(
          toSeries(
              metric.name(), metric.unit(), window, histogram, found.series().unitsPerValue()));
    }
    for (MetricType type : TYPES) {
      if (type.id().equals(name)) {
        Histogram histogram = merge(type, window, nowNanos, 0);
        return histogram.getTotalCount() == 0
            ? Optional.empty()
            : Optional.of(AggregatedSeries.of(toAggregated(type, window, histogram)));
      }
    }
    return Optional.empty();
  }

  private Histogram merge(MetricType type, AggregationWindow window, long nowNanos, int back) {
    return series[type.ordinal()].merge(window, nowNanos, back);
  }

  private TrendEvidence trend(Histogram current, Histogram previous, double unitsPerValue) {
    TrendStatistic statistic = config.trendStatistic();
    double now = statistic(current, statistic, unitsPerValue);
    double before = statistic(previous, statistic, unitsPerValue);
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

  private static double statistic(
      Histogram histogram, TrendStatistic statistic, double unitsPerValue) {
    if (histogram.getTotalCount() == 0) {
      return 0;
    }
    return switch (statistic) {
      case P95 -> histogram.getValueAtPercentile(95) / unitsPerValue;
      case MEAN -> Moments.of(histogram).mean() / unitsPerValue;
    };
  }

  private long toRecorded(double value, MetricSeries target, Object metric) {
    double units = value * target.unitsPerValue();
    if (units > HIGHEST_RECORDED) {
      clamped.increment();
      logger.debug("Clamped a value {} of {} to the recordable maximum", value, metric);
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

  private static AggregatedSeries toSeries(
      String name,
      String unit,
      AggregationWindow window,
      Histogram histogram,
      double unitsPerValue) {
    Moments moments = Moments.of(histogram);
    return new AggregatedSeries(
        name,
        unit,
        window,
        histogram.getTotalCount(),
        moments.mean() / unitsPerValue,
        histogram.getMinValue() / unitsPerValue,
        histogram.getMaxValue() / unitsPerValue,
        moments.stdDev() / unitsPerValue,
        histogram.getValueAtPercentile(50) / unitsPerValue,
        histogram.getValueAtPercentile(95) / unitsPerValue,
        histogram.getValueAtPercentile(99) / unitsPerValue);
  }

  @FunctionalInterface
  private interface BreakdownRecorder {
    void accept(MetricType type, double value);
  }

  /** A named metric's series; {@code order} is its position among the names, by first use. */
  private record Named(NamedMetric metric, MetricSeries series, long order) {}

  /** Holds the global instance; the JVM initializes it lazily and thread-safely on first use. */
  private static final class GlobalHolder {
    static final MetricsAggregator INSTANCE = new MetricsAggregator();
  }
}
