package io.agentmetrics.core;

import io.agentmetrics.api.Metadata;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.PhaseTimer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * One phase or parallel task of an {@link ExecutionTimingCollector}: the {@link PhaseTimer} handed
 * to the caller, the record the collector keeps, and the metric it makes when it stops (built only
 * when the metrics are read), so a phase allocates one object from start to stop.
 *
 * <p>Thread-safe: the end is set once, by compare-and-set, so exactly one of any racing {@link
 * #stop()} calls (or the collector closing the phase) wins. Metadata is guarded by this object's
 * monitor, which only threads annotating the same phase ever share. {@link #id}, {@link #previous}
 * and {@link #parent} are set by {@link #follow} before the collector publishes the phase, and
 * never change after.
 */
final class Phase implements PhaseTimer {

  /** The {@link #metricOrder()} of a phase that has made no metric. */
  static final int NO_METRIC = -1;

  private static final long RUNNING = Long.MIN_VALUE;
  private static final VarHandle END_NANOS;
  private static final VarHandle METRIC_ORDER;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      END_NANOS = lookup.findVarHandle(Phase.class, "endNanos", long.class);
      METRIC_ORDER = lookup.findVarHandle(Phase.class, "metricOrder", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final ExecutionTimingCollector collector;
  final String name;
  final @Nullable PhaseCategory category;

  /** The metric type given to {@code measure}, or null for a plain phase. */
  final @Nullable MetricType measuredType;

  final boolean parallel;
  final long startNanos;

  /** This phase's id, in start order from 0. */
  int id;

  /** The phase or task started just before this one, or null for the first. */
  @Nullable Phase previous;

  /**
   * The phase that was running when this one started (the innermost running non-parallel phase), or
   * null for a top-level phase. Parallel tasks are never parents.
   */
  @Nullable Phase parent;

  /**
   * A shortcut up the parent chain: the parent at first, then, once ancestors stop, a nearer way to
   * the nearest one still running ({@link #runningAncestor()}). Every phase between this one and it
   * on the parent chain has stopped, and a stopped phase never runs again, so any value ever
   * written here stays true: racing writers need no synchronization.
   */
  private @Nullable Phase runningAncestorHint;

  @SuppressWarnings("unused") // accessed through END_NANOS
  private volatile long endNanos = RUNNING;

  private volatile boolean closedByCollector;

  /**
   * The position of this phase's metric among the execution's metrics, or {@link #NO_METRIC}. Set
   * once, with release semantics, by the thread that stopped the phase after it won the end's
   * compare-and-set, and read with acquire semantics: a plain store where a volatile one would cost
   * a fence on every stop.
   */
  @SuppressWarnings("unused") // accessed through METRIC_ORDER
  private int metricOrder = NO_METRIC;

  /** Guarded by {@code this}; null until the first entry, so plain phases allocate no map. */
  private @Nullable Map<String, Object> metadata;

  /** The JFR event spanning this phase, if a recording enabled it when the phase started. */
  private final @Nullable PhaseEvent event;

  Phase(
      ExecutionTimingCollector collector,
      String name,
      @Nullable PhaseCategory category,
      @Nullable MetricType measuredType,
      boolean parallel,
      long startNanos,
      @Nullable Map<String, Object> metadata) {
    this.collector = collector;
    this.name = name;
    this.category = category;
    this.measuredType = measuredType;
    this.parallel = parallel;
    this.startNanos = startNanos;
    this.metadata = metadata;
    if (PhaseEvent.isTypeEnabled()) {
      PhaseEvent started = new PhaseEvent();
      started.begin();
      this.event = started;
    } else {
      this.event = null;
    }
  }

  /**
   * Places this phase right after {@code latest}, the last phase started before it, if any, as a
   * child of {@code parent}.
   */
  void follow(@Nullable Phase latest, @Nullable Phase parent) {
    previous = latest;
    id = latest == null ? 0 : latest.id + 1;
    this.parent = parent;
    runningAncestorHint = parent;
  }

  /**
   * The nearest ancestor still running, or null; shortens {@link #runningAncestorHint} past the
   * ancestors that have stopped, so the next walk skips them.
   */
  @Nullable Phase runningAncestor() {
    Phase hint = runningAncestorHint;
    Phase running = hint;
    while (running != null && !running.isRunning()) {
      running = running.runningAncestorHint;
    }
    if (running != hint) {
      runningAncestorHint = running;
    }
    return running;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean isRunning() {
    return endNanos == RUNNING;
  }

  /** The end, or {@code now} while running. */
  long endOr(long now) {
    long end = endNanos;
    return end == RUNNING ? now : end;
  }

  @Override
  public double elapsedMs() {
    return ExecutionTimingCollector.toMs(endOr(collector.timeSource.nanoTime()) - startNanos);
  }

  @Override
  public void annotate(String key, Object value) {
    if (key == null || value == null) {
      ExecutionTimingCollector.logger.debug(
          "Ignored metadata with a null key or value on phase '{}'", name);
      return;
    }
    if (collector.isCompleted()) {
      return;
    }
    synchronized (this) {
      Map<String, Object> entries = metadata;
      if (entries == null) {
        entries = new LinkedHashMap<>(4);
        metadata = entries;
      }
      entries.put(key, value);
    }
  }

  @Override
  public OptionalDouble stop() {
    OptionalDouble stopped = stopIfRunning(false);
    if (stopped.isEmpty()) {
      ExecutionTimingCollector.logger.debug("Phase '{}' was already stopped", name);
    }
    return stopped;
  }

  /**
   * Ends this phase unless it has ended already; empty if it had.
   *
   * @param unlisted whether the collector has already taken it out of its running tasks
   */
  OptionalDouble stopIfRunning(boolean unlisted) {
    long end = collector.timeSource.nanoTime();
    if (!END_NANOS.compareAndSet(this, RUNNING, end)) {
      return OptionalDouble.empty();
    }
    collector.onStopped(this, end, unlisted);
    return OptionalDouble.of(ExecutionTimingCollector.toMs(end - startNanos));
  }

  /** Marks this stopped phase as having made the execution's metric number {@code order}. */
  void madeMetric(int order) {
    METRIC_ORDER.setRelease(this, order);
  }

  /** The position of this phase's metric among the execution's metrics, or {@link #NO_METRIC}. */
  int metricOrder() {
    return (int) METRIC_ORDER.getAcquire(this);
  }

  /**
   * The metric this phase made when it stopped, built now from its name and times: the same values
   * whenever it is built.
   */
  PerformanceMetric metric() {
    long end = endNanos;
    MetricType type =
        Objects.requireNonNull(collector.metricTypeOf(this), "only a phase with a type is listed");
    return new PerformanceMetric(
        type,
        ExecutionTimingCollector.toMs(end - startNanos),
        collector.timestampAt(end),
        collector.executionId(),
        collector.agentName(),
        Metadata.of(ExecutionTimingCollector.PHASE_KEY, name));
  }

  @Override
  public void close() {
    if (isRunning()) {
      stop();
    }
  }

  /** Ends a phase that is still running when its execution completes; false if it had ended. */
  boolean closeAt(long end) {
    if (!END_NANOS.compareAndSet(this, RUNNING, end)) {
      return false;
    }
    closedByCollector = true;
    commitEvent();
    return true;
  }

  /** Commits the JFR event for a phase that has just ended. */
  void commitEvent() {
    PhaseEvent started = event;
    if (started == null) {
      return;
    }
    started.end();
    if (started.shouldCommit()) {
      started.agentName = collector.agentName();
      started.executionId = collector.executionIdString();
      started.phaseName = name;
      started.category = category == null ? "" : category.id();
      started.parallel = parallel;
      started.commit();
    }
  }

  /**
   * The record of this phase. Synchronized because the record copies the metadata, which {@link
   * #annotate} may be adding to on another thread.
   */
  synchronized PhaseRecord toRecord(long executionStartNanos, long executionEndNanos) {
    long end = endOr(executionEndNanos);
    Map<String, Object> entries = metadata;
    return new PhaseRecord(
        id,
        parent == null ? PhaseRecord.ROOT : parent.id,
        name,
        category,
        Math.max(0, startNanos - executionStartNanos),
        Math.max(0, end - startNanos),
        parallel,
        closedByCollector,
        entries == null ? Map.of() : entries);
  }

  @Override
  public String toString() {
    return (parallel ? "ParallelTask[" : "Phase[") + name + ']';
  }
}
