package io.agentmetrics.core;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.PhaseTimer;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.api.TimingBreakdown;
import io.agentmetrics.api.TimingCollector;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the phases of one agent execution: the {@link TimingCollector} implementation of
 * agentmetrics.
 *
 * <h2>What is measured</h2>
 *
 * <ul>
 *   <li>The wall clock starts when the collector is created and stops at {@link
 *       #complete(ExecutionOutcome)}; until then {@link TimingBreakdown#totalMs()} is the time up
 *       to the moment {@link #getBreakdown()} is called. Durations come from the monotonic {@link
 *       TimeSource#nanoTime()}. Timestamps come from one reading of the wall clock {@link
 *       TimeSource#now()} and the monotonic reading taken with it: a metric's timestamp is that
 *       instant plus the monotonic time elapsed since, as OpenTelemetry's anchored clock stamps
 *       spans, so a wall-clock step during an execution neither reorders its metrics nor skews them
 *       against its phases. The wall clock is read at creation, except for {@link
 *       TimeSource#system()}, whose collectors share a reading for up to 100 ms of monotonic time
 *       (see {@code WallClockAnchor}): their start then differs from a read at creation only by the
 *       clocks' drift in that time, at most 50 µs.
 *   <li>A phase counts in a {@link PhaseCategory} when its name is the category's id ({@link
 *       PhaseCategory#fromPhaseName}), or when it was started with {@link #measure(String,
 *       MetricType)} for a type that has a category ({@link PhaseCategory#of}).
 *   <li>A category's time is the <em>union</em> of the intervals of its phases: two parallel tool
 *       calls that overlap for their whole 100 ms count 100 ms, not 200 ms. Overhead is the wall
 *       time that no categorized phase covers, and efficiency is {@link
 *       TimingBreakdown#calculateEfficiency()}, the categorized share of the total.
 *   <li>{@link TimingBreakdown#phasesMs()} sums the durations of all phases and tasks by name.
 *       Phases still running count up to now.
 *   <li>A phase started while another (non-parallel) phase is running is that phase's child: its
 *       parent is the innermost phase running at that moment, on any thread. Parallel tasks can be
 *       children but are never parents. {@link #getCriticalPath()} follows this tree.
 *   <li>Every phase is also a JDK Flight Recorder event, {@code io.agentmetrics.Phase}, when a
 *       recording enables it; otherwise it costs one check of a flag.
 * </ul>
 *
 * <h2>Misuse</h2>
 *
 * Instrumentation calls never throw into the agent being measured. Each misuse has a defined result
 * and a DEBUG line on the {@code io.agentmetrics.core.ExecutionTimingCollector} logger:
 *
 * <ul>
 *   <li>stopping a phase that is not running (unknown, or stopped already) returns empty;
 *   <li>starting a phase whose name is already running returns the running timer unchanged;
 *   <li>a null or blank name returns {@link PhaseTimer#noop()} and records nothing;
 *   <li>a metric with a null type, a negative or non-finite value, or metadata with null entries is
 *       dropped and counted in {@link #droppedMetrics()};
 *   <li>calls after {@link #complete(ExecutionOutcome)} are ignored: starts return {@link
 *       PhaseTimer#noop()}, stops return empty and metrics are dropped.
 * </ul>
 *
 * <h2>Thread safety</h2>
 *
 * One collector may be used from many threads at once, for example by parallel tool calls. Starting
 * and stopping phases takes no lock: a phase is linked to the one started before it by one
 * compare-and-set on the collector, which also makes its name check atomic, and its end is set by
 * one compare-and-set on the phase. Running phases are found by name by walking up from the
 * innermost running phase through its running ancestors (they are few: one per level of nesting and
 * per thread timing at that moment), running parallel tasks, which may number thousands, through a
 * concurrent map. Metrics recorded as values are linked in the order recorded, one compare-and-set
 * each. A phase that makes a metric keeps it itself and takes its place in that order without an
 * atomic instruction, so stopping a phase costs one compare-and-set (its end); its metric is built
 * from the phase when the metrics are read. Metrics recorded at the same moment on different
 * threads may be listed in either order. {@link #complete(ExecutionOutcome)} runs once; calls
 * racing with it may or may not be included.
 *
 * <h2>A closed hierarchy</h2>
 *
 * This class is sealed: {@link EnhancedExecutionTimingCollector}, which the API contract names as
 * its subclass, is the only one, and it is final. A subclass would run its code on every phase
 * start and stop, the hot path the benchmarks measure, and could break the lock-free invariants the
 * thread safety above rests on. To add behaviour, wrap a {@link TimingCollector} (every method is
 * on the interface), or consume the {@link CompletedExecution} in an {@link
 * io.agentmetrics.api.MetricsSink}.
 *
 * @since 0.1.0
 */
public sealed class ExecutionTimingCollector implements TimingCollector
    permits EnhancedExecutionTimingCollector {

  static final Logger logger = LoggerFactory.getLogger(ExecutionTimingCollector.class);

  /** The name under which metrics and summaries report a phase, in metric metadata. */
  static final String PHASE_KEY = "phase";

  /** The value of {@code firstTokenNanos} until a first token arrives. */
  static final long NO_FIRST_TOKEN = Long.MIN_VALUE;

  /** Each metric type's category by ordinal; null for a type without one. */
  private static final @Nullable PhaseCategory[] CATEGORY_BY_TYPE =
      new PhaseCategory[MetricType.values().length];

  private static final Map<String, PhaseCategory> CATEGORY_BY_NAME = new HashMap<>();
  private static final WallClockAnchor SYSTEM_WALL_CLOCK = new WallClockAnchor(TimeSource.system());
  private static final Phase[] NO_PHASES = {};

  private static final VarHandle LATEST_PHASE;
  private static final VarHandle LATEST_METRIC;
  private static final VarHandle FIRST_TOKEN_NANOS;
  private static final VarHandle DROPPED_METRICS;
  private static final VarHandle METRICS_RECORDED;
  private static final VarHandle RUNNING_TASKS;

  static {
    for (PhaseCategory category : PhaseCategory.values()) {
      CATEGORY_BY_TYPE[category.metricType().ordinal()] = category;
      CATEGORY_BY_NAME.put(category.id(), category);
    }
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      Class<?> self = ExecutionTimingCollector.class;
      LATEST_PHASE = lookup.findVarHandle(self, "latestPhase", Phase.class);
      LATEST_METRIC = lookup.findVarHandle(self, "latestMetric", MetricLink.class);
      FIRST_TOKEN_NANOS = lookup.findVarHandle(self, "firstTokenNanos", long.class);
      DROPPED_METRICS = lookup.findVarHandle(self, "droppedMetrics", long.class);
      METRICS_RECORDED = lookup.findVarHandle(self, "metricsRecorded", int.class);
      RUNNING_TASKS = lookup.findVarHandle(self, "runningTasks", ConcurrentHashMap.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final TimeSource timeSource;
  private final UUID executionId;

  /** The execution id as text, made on first use: most executions never need it. */
  private @Nullable String executionIdText;

  private final String agentName;
  private final boolean metricPerCategorizedPhase;
  private final long startNanos;

  /** The reading of both clocks that timestamps are taken on ({@link #timestampAt}). */
  private final WallClockAnchor.Reading wallClock;

  /**
   * The running parallel tasks by name, made when the first task starts ({@link #runningTasks()}):
   * most executions run none.
   */
  private volatile @Nullable ConcurrentHashMap<String, Phase> runningTasks;

  /**
   * The phase or task started last; each one links to the one started before it ({@link
   * Phase#previous}), so this is the head of every phase of the execution, newest first.
   */
  private volatile @Nullable Phase latestPhase;

  /**
   * The metric recorded as a value last, the head of those metrics, newest first ({@link
   * MetricLink}); the metrics phases make are kept by the phases.
   */
  private volatile @Nullable MetricLink latestMetric;

  /**
   * How many metrics have been recorded: the next metric's {@code order}. Read and written with
   * opaque access, not atomically: a stop pays no atomic instruction for its metric. Metrics
   * recorded in an order that happens-before relations fix get increasing orders; metrics recorded
   * at the same moment on different threads may get the same one, and are then ordered by phase id.
   */
  @SuppressWarnings("unused") // accessed through METRICS_RECORDED
  private int metricsRecorded;

  private volatile long firstTokenNanos = NO_FIRST_TOKEN;

  private volatile long droppedMetrics;

  private final Object completionLock = new Object();
  private volatile @Nullable CompletedExecution completed;
  private volatile long endNanos;

  /**
   * Creates a collector for a new execution with a random id, timed by the system clocks.
   *
   * @param agentName the agent running the execution
   * @throws NullPointerException if {@code agentName} is null
   */
  public ExecutionTimingCollector(String agentName) {
    this(UUID.randomUUID(), agentName, TimeSource.system());
  }

  /**
   * Creates a collector for the given execution and clocks; tests pass a fake {@link TimeSource}.
   *
   * @throws NullPointerException naming the parameter that is null
   */
  public ExecutionTimingCollector(UUID executionId, String agentName, TimeSource timeSource) {
    this(executionId, agentName, timeSource, false);
  }

  ExecutionTimingCollector(
      UUID executionId,
      String agentName,
      TimeSource timeSource,
      boolean metricPerCategorizedPhase) {
    this.executionId = requireNonNull(executionId, "executionId");
    this.agentName = requireNonNull(agentName, "agentName");
    this.timeSource = requireNonNull(timeSource, "timeSource");
    this.metricPerCategorizedPhase = metricPerCategorizedPhase;
    if (timeSource == TimeSource.system()) {
      this.startNanos = timeSource.nanoTime();
      this.wallClock = SYSTEM_WALL_CLOCK.forStartAt(startNanos);
    } else {
      Instant wall = timeSource.now();
      this.startNanos = timeSource.nanoTime();
      this.wallClock = new WallClockAnchor.Reading(wall, startNanos);
    }
  }

  /** {@inheritDoc} */
  @Override
  public UUID executionId() {
    return executionId;
  }

  /** {@inheritDoc} */
  @Override
  public String agentName() {
    return agentName;
  }

  /**
   * {@inheritDoc}
   *
   * <p>A null or blank name, or a call after {@link #complete(ExecutionOutcome)}, returns {@link
   * PhaseTimer#noop()}.
   */
  @Override
  public PhaseTimer startPhase(String name) {
    return start(name, null, null, false);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Null keys or values in {@code metadata} are skipped; a null map counts as empty.
   */
  @Override
  public PhaseTimer startPhase(String name, Map<String, Object> metadata) {
    return start(name, null, copyMetadata(name, metadata), false);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Only phases started with {@link #startPhase} are stopped here; a parallel task of that name
   * is not (use {@link #stopParallelTask}).
   */
  @Override
  public OptionalDouble stopPhase(String name) {
    if (name != null) {
      Phase phase;
      while ((phase = runningPhaseNamed(latestPhase, name)) != null) {
        OptionalDouble stopped = phase.stopIfRunning(true);
        if (stopped.isPresent()) {
          return stopped;
        }
        // Another thread stopped it first; look again, for a phase of that name started since.
      }
    }
    return notRunning(name);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The first call also records a {@link MetricType#TTFT} metric. Called first after {@link
   * #complete(ExecutionOutcome)}, it records nothing and returns the execution's total time.
   */
  @Override
  public double recordFirstToken() {
    long now = timeSource.nanoTime();
    long first = firstTokenNanos;
    if (first == NO_FIRST_TOKEN && !isCompleted()) {
      if (FIRST_TOKEN_NANOS.compareAndSet(this, NO_FIRST_TOKEN, now)) {
        double ttftMs = toMs(now - startNanos);
        record(MetricType.TTFT, ttftMs, Map.of(), now);
        return ttftMs;
      }
      first = firstTokenNanos;
    }
    if (first == NO_FIRST_TOKEN) {
      // Completed without a first token: report the time up to completion, record nothing.
      return toMs(endNanos - startNanos);
    }
    return toMs(first - startNanos);
  }

  /** {@inheritDoc} Same misuse rules as {@link #startPhase(String)}. */
  @Override
  public PhaseTimer startParallelTask(String name) {
    return start(name, null, null, true);
  }

  /** {@inheritDoc} */
  @Override
  public OptionalDouble stopParallelTask(String name) {
    ConcurrentHashMap<String, Phase> tasks = runningTasks;
    Phase task = name == null || tasks == null ? null : tasks.remove(name);
    return task == null ? notRunning(name) : task.stopIfRunning(true);
  }

  /** {@inheritDoc} Invalid values are dropped and counted; see the class documentation. */
  @Override
  public void addMetric(MetricType type, double value) {
    addMetric(type, value, Map.of());
  }

  /** {@inheritDoc} Invalid values are dropped and counted; see the class documentation. */
  @Override
  public void addMetric(MetricType type, double value, Map<String, Object> metadata) {
    record(type, value, metadata, timeSource.nanoTime());
  }

  /** Records a metric taken at monotonic time {@code atNanos}, or drops an invalid one. */
  private void record(
      @Nullable MetricType type,
      double value,
      @Nullable Map<String, Object> metadata,
      long atNanos) {
    if (isCompleted()) {
      drop("the execution has completed", type, value);
      return;
    }
    if (type == null || !(value >= 0) || Double.isInfinite(value)) {
      drop("the type is null or the value is negative or not finite", type, value);
      return;
    }
    PerformanceMetric metric;
    try {
      metric =
          new PerformanceMetric(
              type,
              value,
              timestampAt(atNanos),
              executionId,
              agentName,
              metadata == null ? Map.of() : metadata);
    } catch (RuntimeException e) {
      drop("its metadata holds a null key or value", type, value);
      return;
    }
    append(new MetricLink(metric, nextMetricOrder()));
  }

  /** The wall-clock time of monotonic time {@code atNanos}, on the execution's anchored clock. */
  Instant timestampAt(long atNanos) {
    return wallClock.at(atNanos);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The phase counts in {@code type}'s category, or in the category its name gives when {@code
   * type} has none (such as {@link MetricType#TTFT}). On close it records a metric of {@code type}
   * whose value is the duration in milliseconds, unless {@code type} is not measured in
   * milliseconds ({@link MetricType#isDuration()}), which is logged at DEBUG. A null type times a
   * plain phase.
   */
  @Override
  public PhaseTimer measure(String name, MetricType type) {
    if (type == null) {
      logger.debug("measure('{}') was given no metric type; timing a plain phase", name);
    } else if (!type.isDuration()) {
      logger.debug("measure('{}') was given {}, which is not a duration; no metric", name, type);
    }
    return start(name, type, null, false);
  }

  /**
   * {@inheritDoc} The list is a snapshot, in the order the metrics were recorded; metrics recorded
   * at the same moment on different threads are in either order.
   */
  @Override
  public List<PerformanceMetric> getMetrics() {
    return RecordedMetrics.inOrder(latestMetric, latestPhase);
  }

  /**
   * {@inheritDoc}
   *
   * <p>After {@link #complete(ExecutionOutcome)}, returns the breakdown taken at completion.
   */
  @Override
  public TimingBreakdown getBreakdown() {
    CompletedExecution done = completed;
    if (done != null) {
      return done.breakdown();
    }
    return breakdownAt(timeSource.nanoTime(), phasesInStartOrder());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Keys, in order: {@code execution_id}, {@code agent_name}, {@code total_ms}, {@code
   * efficiency_percent}, {@code overhead_ms}, {@code ttft_ms} (only once recorded), {@code
   * categories_ms} (category id to ms, categories with time only), {@code phases_ms}, {@code
   * running_phases} (names), {@code metric_count}, {@code metrics_by_type} (type id to count),
   * {@code dropped_metrics} and {@code completed}.
   */
  @Override
  public Map<String, Object> getSummary() {
    return CollectorSummary.of(this);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Phases still running are closed at the completion time and reported with {@link
   * PhaseRecord#closedByCollector()} set; being cut short, they record no metric and their JFR
   * events are committed on the completing thread; the {@link MetricType#TOTAL_EXECUTION} metric
   * holds the total wall time. The returned execution has no attributes; callers that have an
   * {@link io.agentmetrics.api.ExecutionContext} add them with {@link
   * CompletedExecution#withContext}.
   *
   * @throws NullPointerException if {@code outcome} is null
   */
  @Override
  public CompletedExecution complete(ExecutionOutcome outcome) {
    requireNonNull(outcome, "outcome");
    CompletedExecution done = completed;
    if (done != null) {
      return done;
    }
    synchronized (completionLock) {
      done = completed;
      if (done != null) {
        return done;
      }
      long end = timeSource.nanoTime();
      Phase[] ordered = phasesInStartOrder();
      int closed = 0;
      for (Phase phase : ordered) {
        if (phase.closeAt(end)) {
          closed++;
        }
      }
      if (closed > 0) {
        logger.debug(
            "Closed {} phase(s) still running when execution {} completed", closed, executionId);
      }
      ConcurrentHashMap<String, Phase> tasks = runningTasks;
      if (tasks != null) {
        tasks.clear();
      }
      TimingBreakdown breakdown = breakdownAt(end, ordered);
      record(MetricType.TOTAL_EXECUTION, breakdown.totalMs(), Map.of(), end);
      List<PerformanceMetric> metrics = getMetrics();
      endNanos = end;
      List<PhaseRecord> records = new ArrayList<>(ordered.length);
      for (Phase phase : ordered) {
        records.add(phase.toRecord(startNanos, end));
      }
      done =
          new CompletedExecution(
              executionId,
              agentName,
              timestampAt(startNanos),
              breakdown,
              metrics,
              records,
              outcome,
              Map.of());
      completed = done;
      return done;
    }
  }

  /**
   * The chain of phases that determined the total wall time, in execution order.
   *
   * <p>Walking back from the end of the execution, the path takes the top-level phase or task that
   * ended last, then the one that ended last before that one started, and so on; within each phase
   * on the path it repeats the walk over its children, which appear right after it with a greater
   * {@link TimingEntry#depth()}. Of two parallel tasks that ran side by side, only the one that
   * ended later is on the path: shortening the other would not shorten the execution. Running
   * phases count up to now. Gaps between the entries are time no phase covered.
   *
   * @return the critical path; empty if no phase ran
   * @since 0.1.0
   */
  public List<TimingEntry> getCriticalPath() {
    long end = isCompleted() ? endNanos : timeSource.nanoTime();
    return CriticalPath.of(phasesInStartOrder(), startNanos, end);
  }

  /**
   * How many metrics were dropped because they were invalid or arrived after completion.
   *
   * @since 0.1.0
   */
  public long droppedMetrics() {
    return droppedMetrics;
  }

  boolean isCompleted() {
    return completed != null;
  }

  /**
   * The execution id as text for JFR events, computed once. The unsynchronized cache is safe: a
   * String is immutable, so a racing thread at worst computes an equal one.
   */
  String executionIdString() {
    String text = executionIdText;
    if (text == null) {
      text = executionId.toString();
      executionIdText = text;
    }
    return text;
  }

  private PhaseTimer start(
      String name,
      @Nullable MetricType measuredType,
      @Nullable Map<String, Object> metadata,
      boolean parallel) {
    if (name == null || name.isBlank()) {
      logger.debug("Ignored a phase with a null or blank name; returning a no-op timer");
      return PhaseTimer.noop();
    }
    if (isCompleted()) {
      logger.debug("Ignored phase '{}' started after execution {} completed", name, executionId);
      return PhaseTimer.noop();
    }
    PhaseCategory category = categoryOf(name, measuredType);
    if (parallel) {
      return startTask(name, category, measuredType, metadata);
    }
    Phase phase = null;
    while (true) {
      Phase latest = latestPhase;
      Phase parent = innermostRunning(latest);
      for (Phase running = parent; running != null; running = running.runningAncestor()) {
        if (running.name.equals(name)) {
          return alreadyRunning(running);
        }
      }
      if (phase == null) {
        phase =
            new Phase(this, name, category, measuredType, false, timeSource.nanoTime(), metadata);
      }
      // The compare-and-set fails if any phase started since `latest` was read, so the name check
      // above covered every phase running at the moment this one is published.
      phase.follow(latest, parent);
      if (LATEST_PHASE.compareAndSet(this, latest, phase)) {
        return phase;
      }
    }
  }

  /** Starts a parallel task; a map of the running tasks by name makes the name check atomic. */
  private PhaseTimer startTask(
      String name,
      @Nullable PhaseCategory category,
      @Nullable MetricType measuredType,
      @Nullable Map<String, Object> metadata) {
    ConcurrentHashMap<String, Phase> tasks = runningTasks();
    Phase existing = tasks.get(name);
    if (existing != null) {
      return alreadyRunning(existing);
    }
    Phase task =
        new Phase(this, name, category, measuredType, true, timeSource.nanoTime(), metadata);
    existing = tasks.putIfAbsent(name, task);
    if (existing != null) {
      // Another thread started the same name first; this task never existed.
      return alreadyRunning(existing);
    }
    Phase latest;
    do {
      latest = latestPhase;
      task.follow(latest, innermostRunning(latest));
    } while (!LATEST_PHASE.compareAndSet(this, latest, task));
    return task;
  }

  /** The running tasks, made now if this is the first task; racing threads keep the first map. */
  @SuppressWarnings("unchecked") // RUNNING_TASKS is the runningTasks field
  private ConcurrentHashMap<String, Phase> runningTasks() {
    ConcurrentHashMap<String, Phase> tasks = runningTasks;
    if (tasks != null) {
      return tasks;
    }
    ConcurrentHashMap<String, Phase> created = new ConcurrentHashMap<>();
    tasks =
        (ConcurrentHashMap<String, Phase>) RUNNING_TASKS.compareAndExchange(this, null, created);
    return tasks == null ? created : tasks;
  }

  private static Phase alreadyRunning(Phase running) {
    logger.debug("Phase '{}' is already running; returning the running timer", running.name);
    return running;
  }

  private static OptionalDouble notRunning(@Nullable String name) {
    logger.debug("Phase '{}' is not running; nothing to stop", name);
    return OptionalDouble.empty();
  }

  /**
   * The innermost running non-parallel phase once {@code latest} is the latest phase or task: the
   * parent of a phase started now. It is the running phase started last, and every other running
   * phase is one of its ancestors, so the running phases are this one and its running ancestors.
   */
  private static @Nullable Phase innermostRunning(@Nullable Phase latest) {
    if (latest == null) {
      return null;
    }
    if (!latest.parallel && latest.isRunning()) {
      return latest;
    }
    return latest.runningAncestor();
  }

  /** The running (non-parallel) phase called {@code name}, or null. */
  private static @Nullable Phase runningPhaseNamed(@Nullable Phase latest, String name) {
    for (Phase running = innermostRunning(latest);
        running != null;
        running = running.runningAncestor()) {
      if (running.name.equals(name)) {
        return running;
      }
    }
    return null;
  }

  /** The order of the metric recorded now; see {@link #metricsRecorded}. */
  private int nextMetricOrder() {
    int order = (int) METRICS_RECORDED.getOpaque(this);
    METRICS_RECORDED.setOpaque(this, order + 1);
    return order;
  }

  /** Makes {@code metric} the latest metric recorded as a value. */
  private void append(MetricLink metric) {
    MetricLink latest;
    do {
      latest = latestMetric;
      metric.follow(latest);
    } while (!LATEST_METRIC.compareAndSet(this, latest, metric));
  }

  /** Every phase and task published so far, indexed by id. */
  Phase[] phasesInStartOrder() {
    Phase latest = latestPhase;
    if (latest == null) {
      return NO_PHASES;
    }
    Phase[] ordered = new Phase[latest.id + 1];
    for (Phase phase = latest; phase != null; phase = phase.previous) {
      ordered[phase.id] = phase;
    }
    return ordered;
  }

  /**
   * Called once by the phase that has just stopped, on the stopping thread.
   *
   * @param unlisted whether a task has already been taken out of the running tasks
   */
  void onStopped(Phase phase, long stoppedAtNanos, boolean unlisted) {
    if (phase.parallel && !unlisted) {
      runningTasks().remove(phase.name, phase);
    }
    MetricType type = metricTypeOf(phase);
    if (type != null && type.isDuration()) {
      double ms = toMs(stoppedAtNanos - phase.startNanos);
      if (isCompleted()) {
        drop("the execution has completed", type, ms);
      } else if (ms < 0) {
        drop("the clock went back during the phase", type, ms);
      } else {
        phase.madeMetric(nextMetricOrder());
      }
    }
    phase.commitEvent();
  }

  /**
   * The type of the metric {@code phase} makes when it stops: the type given to {@code measure},
   * else for the enhanced collector the type of its category; null if it makes none.
   */
  @Nullable MetricType metricTypeOf(Phase phase) {
    MetricType type = phase.measuredType;
    if (type == null && metricPerCategorizedPhase && phase.category != null) {
      type = phase.category.metricType();
    }
    return type;
  }

  /**
   * The category of a phase: by {@code type} if it has one, else by name. Table lookups instead of
   * the Optional-returning ones of {@link PhaseCategory}, because this runs on every phase start; a
   * name's hash code is cached in the string, so the name lookup costs one comparison.
   */
  private static @Nullable PhaseCategory categoryOf(String name, @Nullable MetricType type) {
    if (type != null) {
      PhaseCategory byType = CATEGORY_BY_TYPE[type.ordinal()];
      if (byType != null) {
        return byType;
      }
    }
    return CATEGORY_BY_NAME.get(name);
  }

  private static @Nullable Map<String, Object> copyMetadata(
      String name, @Nullable Map<String, Object> metadata) {
    if (metadata == null || metadata.isEmpty()) {
      return null;
    }
    Map<String, Object> copy = new LinkedHashMap<>(metadata.size() * 2);
    for (Map.Entry<String, Object> entry : metadata.entrySet()) {
      if (entry.getKey() == null || entry.getValue() == null) {
        logger.debug("Skipped metadata with a null key or value on phase '{}'", name);
      } else {
        copy.put(entry.getKey(), entry.getValue());
      }
    }
    return copy;
  }

  private void drop(String reason, @Nullable MetricType type, double value) {
    DROPPED_METRICS.getAndAdd(this, 1L);
    if (logger.isDebugEnabled()) {
      logger.debug("Dropped metric {}={} because {}", type, value, reason);
    }
  }

  private TimingBreakdown breakdownAt(long now, Phase[] ordered) {
    return BreakdownCalculator.breakdownAt(executionId, ordered, startNanos, now, firstTokenNanos);
  }

  static double toMs(long nanos) {
    return nanos / 1_000_000.0;
  }
}
