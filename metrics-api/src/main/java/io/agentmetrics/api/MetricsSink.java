package io.agentmetrics.api;

import java.util.List;

/**
 * Receives every finished execution: the seam between measuring and reporting. The aggregator, the
 * OpenTelemetry bridge and log writers implement it.
 *
 * <p>Implementations must be thread-safe, because executions finish on many threads at once, and
 * should return quickly. A sink that throws is logged and skipped by its caller; it never fails the
 * execution it reports on.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MetricsSink {

  /** A sink that ignores everything. */
  static MetricsSink noop() {
    return execution -> {};
  }

  /**
   * A sink that hands each execution to every one of {@code sinks}, in order. It does not catch
   * exceptions: callers isolate sinks from each other.
   */
  static MetricsSink all(List<? extends MetricsSink> sinks) {
    List<MetricsSink> copy = List.copyOf(sinks);
    return execution -> copy.forEach(sink -> sink.onExecutionCompleted(execution));
  }

  /** Called once for each finished execution. */
  void onExecutionCompleted(CompletedExecution execution);
}
