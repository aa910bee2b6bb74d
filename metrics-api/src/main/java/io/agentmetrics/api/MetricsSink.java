package io.agentmetrics.api;

import java.util.List;

/**
 * Receives every finished execution: the seam between measuring and reporting. The aggregator, the
 * OpenTelemetry bridge and log writers implement it.
 *
 * <p>Implementations must be thread-safe, because executions finish on many threads at once, and
 * should return quickly. A sink should not throw; to hand executions to several sinks so that one
 * that throws never stops the others nor reaches the agent, combine them with {@link
 * #composite(List, SinkFailureHandler)}.
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
   * A sink that hands each execution to every one of {@code sinks}, in order, isolating them from
   * each other and from the caller.
   *
   * <p>A sink that throws an exception or an error is reported to {@code onFailure} and skipped for
   * that execution; the sinks after it still receive it, and the caller never sees the failure.
   * Only a {@link VirtualMachineError} (an {@link OutOfMemoryError}, a {@link StackOverflowError})
   * propagates, at once: the JVM may be unable to go on, and hiding that would be worse than losing
   * one execution's delivery to the sinks after the one that failed. A handler that throws loses
   * that report, and nothing else.
   *
   * <p>The composite keeps no state of its own; it is as thread-safe as its sinks and handler.
   *
   * @param sinks the sinks, in delivery order; copied
   * @param onFailure told of each failed delivery, to count and log it
   * @throws NullPointerException if {@code sinks}, one of its elements or {@code onFailure} is null
   * @since 0.1.0
   */
  static MetricsSink composite(List<? extends MetricsSink> sinks, SinkFailureHandler onFailure) {
    return new CompositeMetricsSink(sinks, onFailure);
  }

  /** Called once for each finished execution. */
  void onExecutionCompleted(CompletedExecution execution);
}
