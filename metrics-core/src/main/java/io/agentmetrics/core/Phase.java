package io.agentmetrics.core;

import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.PhaseTimer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * One phase or parallel task of an {@link ExecutionTimingCollector}: both the {@link PhaseTimer}
 * handed to the caller and the record the collector keeps, so starting a phase allocates one
 * object.
 *
 * <p>Thread-safe: the end is set once, by compare-and-set, so exactly one of any racing {@link
 * #stop()} calls (or the collector closing the phase) wins. Metadata is guarded by this object's
 * monitor, which only threads annotating the same phase ever share.
 */
final class Phase implements PhaseTimer {

  private static final long RUNNING = Long.MIN_VALUE;
  private static final VarHandle END_NANOS;

  static {
    try {
      END_NANOS = MethodHandles.lookup().findVarHandle(Phase.class, "endNanos", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final ExecutionTimingCollector collector;
  final String name;
  final @Nullable Phase parent;
  final @Nullable PhaseCategory category;

  /** The metric type given to {@code measure}, or null for a plain phase. */
  final @Nullable MetricType measuredType;

  final boolean parallel;
  final long startNanos;

  /**
   * This phase's id, in start order from 0, and the phase started just before it: set by {@link
   * #follow} before the collector publishes this phase, and unchanged after.
   */
  int id;

  @Nullable Phase previous;

  @SuppressWarnings("unused") // accessed through END_NANOS
  private volatile long endNanos = RUNNING;

  private volatile boolean closedByCollector;

  /** Guarded by {@code this}; null until the first entry, so plain phases allocate no map. */
  private @Nullable Map<String, Object> metadata;

  /** The JFR event spanning this phase, if a recording enabled it when the phase started. */
  private final @Nullable PhaseEvent event;

  Phase(
      ExecutionTimingCollector collector,
      String name,
      @Nullable Phase parent,
      @Nullable PhaseCategory category,
      @Nullable MetricType measuredType,
      boolean parallel,
      long startNanos,
      @Nullable Map<String, Object> metadata) {
    this.collector = collector;
    this.name = name;
    this.parent = parent;
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

  /** Places this phase right after {@code latest}, the last phase started before it, if any. */
  void follow(@Nullable Phase latest) {
    previous = latest;
    id = latest == null ? 0 : latest.id + 1;
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

  boolean closedByCollector() {
    return closedByCollector;
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
    return stop(false);
  }

  /**
   * Ends this phase unless it has ended already.
   *
   * @param unlisted whether the collector has already taken it out of its running phases
   */
  OptionalDouble stop(boolean unlisted) {
    long end = collector.timeSource.nanoTime();
    if (!END_NANOS.compareAndSet(this, RUNNING, end)) {
      ExecutionTimingCollector.logger.debug("Phase '{}' was already stopped", name);
      return OptionalDouble.empty();
    }
    collector.onStopped(this, end, unlisted);
    return OptionalDouble.of(ExecutionTimingCollector.toMs(end - startNanos));
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
