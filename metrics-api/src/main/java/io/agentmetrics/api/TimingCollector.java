package io.agentmetrics.api;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Times the phases of one agent execution and collects its metrics.
 *
 * <p>A collector starts its wall clock when it is created. Phases started while another phase is
 * running become that phase's children; parallel tasks overlap freely and are never summed into
 * wall time. {@link #getBreakdown()} can be taken at any time, and {@link
 * #complete(ExecutionOutcome)} ends the execution.
 *
 * <p>Implementations are thread-safe: one collector may serve parallel tool calls on many threads.
 * Instrumentation calls never throw for misuse such as stopping an unknown phase; each such case
 * has a documented result instead, so measuring can never break the agent being measured.
 *
 * @since 0.1.0
 */
public interface TimingCollector {

  /**
   * A collector that measures nothing, for code that is instrumented but has no collector to report
   * to (a library call made outside any agent execution, a test that does not look at timings).
   *
   * <p>Every method is a cheap no-op that never throws, for any argument including null: starts and
   * {@link #measure} return {@link PhaseTimer#noop()}, stops return empty, {@link
   * #recordFirstToken()} returns 0, metrics are ignored, {@link #getMetrics()} and {@link
   * #getSummary()} are empty, and {@link #getBreakdown()} is {@link TimingBreakdown#empty()}. Its
   * {@link #executionId()} is the nil UUID (all zeros) and its {@link #agentName()} is {@code
   * "noop"}. {@link #complete(ExecutionOutcome)} returns an execution with that id, no phases, no
   * metrics and the given outcome (a success for null); hand it to no sink that counts executions.
   *
   * <p>The collector is one shared, stateless instance, and so thread-safe.
   *
   * @since 0.1.0
   */
  static TimingCollector noop() {
    return NoopTimingCollector.INSTANCE;
  }

  /** The id of the execution being timed. */
  UUID executionId();

  /** The name of the agent running the execution. */
  String agentName();

  /**
   * Starts a phase. If a phase of that name is already running, it keeps running and is returned.
   */
  PhaseTimer startPhase(String name);

  /** Starts a phase with metadata, such as the query a database phase runs. */
  PhaseTimer startPhase(String name, Map<String, Object> metadata);

  /**
   * Stops the running phase {@code name}.
   *
   * @return its duration in milliseconds, or empty if no phase of that name is running
   */
  OptionalDouble stopPhase(String name);

  /**
   * Records that the first token arrived.
   *
   * @return milliseconds since the collector started; later calls return the first value
   */
  double recordFirstToken();

  /** Starts a task that runs in parallel with others; it is never the parent of a phase. */
  PhaseTimer startParallelTask(String name);

  /**
   * Stops the running parallel task {@code name}.
   *
   * @return its duration in milliseconds, or empty if no task of that name is running
   */
  OptionalDouble stopParallelTask(String name);

  /** Records a metric of this execution. */
  void addMetric(MetricType type, double value);

  /** Records a metric of this execution with metadata. */
  void addMetric(MetricType type, double value, Map<String, Object> metadata);

  /**
   * Starts a phase that counts in {@code type}'s category and records a metric of {@code type} with
   * its duration when closed. Meant for try-with-resources.
   */
  PhaseTimer measure(String name, MetricType type);

  /** The metrics recorded so far, in order. */
  List<PerformanceMetric> getMetrics();

  /** Where the time went so far; running phases count up to now. */
  TimingBreakdown getBreakdown();

  /** A printable summary: ids, totals, efficiency, TTFT, phases and metric counts. */
  Map<String, Object> getSummary();

  /**
   * Ends the execution: stops phases still running, records {@link MetricType#TOTAL_EXECUTION} and
   * returns everything measured. Later calls return the same result; instrumentation calls after it
   * are ignored.
   */
  CompletedExecution complete(ExecutionOutcome outcome);
}
