package io.agentmetrics.api;

/**
 * Told when a sink of a {@linkplain MetricsSink#composite(java.util.List, SinkFailureHandler)
 * composite} throws, so that the failure is counted and logged where logging exists: this package
 * has no logger. {@code io.agentmetrics.core.LoggingSinkFailureHandler} is the implementation the
 * agentmetrics modules use.
 *
 * <p>Implementations must be thread-safe and quick, and should not throw: a handler that throws
 * loses that report, and nothing else.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SinkFailureHandler {

  /** A handler that ignores every failure, for tests and for sinks whose failures do not matter. */
  static SinkFailureHandler ignore() {
    return (sink, execution, failure) -> {};
  }

  /**
   * Called on the delivering thread, once for each failed delivery, before the next sink receives
   * the execution.
   *
   * @param sink the sink that threw
   * @param execution the execution it was given
   * @param failure what it threw
   */
  void onSinkFailure(MetricsSink sink, CompletedExecution execution, Throwable failure);
}
