package io.agentmetrics.core;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.SinkFailureHandler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;

/**
 * Counts the failed deliveries of a {@linkplain MetricsSink#composite composite sink} and logs them
 * without flooding the log: the first failure of each sink at WARN with its stack trace, so that a
 * broken exporter is seen once, and every later failure of that sink at DEBUG.
 *
 * <pre>{@code
 * LoggingSinkFailureHandler failures = new LoggingSinkFailureHandler(logger);
 * MetricsSink sinks = MetricsSink.composite(List.of(aggregator, bridge), failures);
 * }</pre>
 *
 * <p>Thread-safe. It remembers each sink it has warned about, so use one handler per composite,
 * whose sinks are few and long-lived.
 *
 * @since 0.1.0
 */
public final class LoggingSinkFailureHandler implements SinkFailureHandler {

  private final Logger logger;
  private final LongAdder failures = new LongAdder();
  private final Set<MetricsSink> warned = ConcurrentHashMap.newKeySet();

  /**
   * A handler that logs on {@code logger}, the logger of the component that owns the sinks.
   *
   * @throws NullPointerException if {@code logger} is null
   */
  public LoggingSinkFailureHandler(Logger logger) {
    this.logger = requireNonNull(logger, "logger");
  }

  /** Counts the failure and logs it: at WARN the first time {@code sink} fails, else at DEBUG. */
  @Override
  public void onSinkFailure(MetricsSink sink, CompletedExecution execution, Throwable failure) {
    failures.increment();
    if (warned.add(sink)) {
      logger.warn(
          "Metrics sink {} failed on execution {} of agent {}; skipped it for that execution."
              + " Later failures of this sink are logged at DEBUG",
          sink.getClass().getName(),
          execution.executionId(),
          execution.agentName(),
          failure);
    } else if (logger.isDebugEnabled()) {
      logger.debug(
          "Metrics sink {} failed again on execution {} of agent {}; skipped it",
          sink.getClass().getName(),
          execution.executionId(),
          execution.agentName(),
          failure);
    }
  }

  /** How many deliveries have failed so far, over all sinks. */
  public long failures() {
    return failures.sum();
  }
}
