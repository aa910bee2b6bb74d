package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.groups.Tuple.tuple;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.TimingCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.SubstituteLogger;

class LoggingSinkFailureHandlerTest {

  private static final CompletedExecution EXECUTION =
      TimingCollector.noop().complete(ExecutionOutcome.succeeded());

  /** A logger without a delegate records every event, at every level, into this queue. */
  private final LinkedBlockingQueue<SubstituteLoggingEvent> events = new LinkedBlockingQueue<>();

  private final LoggingSinkFailureHandler handler =
      new LoggingSinkFailureHandler(new SubstituteLogger("sinks", events, false));

  private final MetricsSink broken =
      execution -> {
        throw new IllegalStateException("exporter down");
      };

  @Test
  void firstFailureOfASinkIsAWarningWithItsCauseAndLaterOnesAreDebugLines() {
    IllegalStateException first = new IllegalStateException("first");
    IllegalStateException second = new IllegalStateException("second");

    handler.onSinkFailure(broken, EXECUTION, first);
    handler.onSinkFailure(broken, EXECUTION, second);
    handler.onSinkFailure(broken, EXECUTION, second);

    assertThat(events)
        .extracting(SubstituteLoggingEvent::getLevel, SubstituteLoggingEvent::getThrowable)
        .containsExactly(
            tuple(Level.WARN, first), tuple(Level.DEBUG, second), tuple(Level.DEBUG, second));
    assertThat(events.peek().getArgumentArray())
        .containsExactly(
            broken.getClass().getName(), EXECUTION.executionId(), EXECUTION.agentName());
  }

  @Test
  void everySinkGetsItsOwnWarning() {
    MetricsSink other = execution -> {};

    handler.onSinkFailure(broken, EXECUTION, new IllegalStateException("a"));
    handler.onSinkFailure(other, EXECUTION, new IllegalStateException("b"));

    assertThat(events).extracting(SubstituteLoggingEvent::getLevel).containsOnly(Level.WARN);
  }

  @Test
  void countsTheFailuresOfACompositeWhoseOtherSinksStillDeliver() {
    List<CompletedExecution> received = new ArrayList<>();
    MetricsSink composite = MetricsSink.composite(List.of(broken, received::add), handler);

    composite.onExecutionCompleted(EXECUTION);
    composite.onExecutionCompleted(EXECUTION);

    assertThat(handler.failures()).isEqualTo(2);
    assertThat(received).hasSize(2);
    assertThat(events)
        .extracting(SubstituteLoggingEvent::getLevel)
        .containsExactly(Level.WARN, Level.DEBUG);
  }

  @Test
  void nullLoggerIsRejected() {
    assertThatNullPointerException()
        .isThrownBy(() -> new LoggingSinkFailureHandler(null))
        .withMessage("logger");
  }
}
