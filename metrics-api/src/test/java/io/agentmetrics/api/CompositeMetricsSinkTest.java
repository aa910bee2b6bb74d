package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CompositeMetricsSinkTest {

  private static final CompletedExecution EXECUTION =
      new CompletedExecution(
          UUID.fromString("00000000-0000-0000-0000-000000000001"),
          "agent",
          Instant.parse("2026-01-01T00:00:00Z"),
          TimingBreakdown.empty(),
          List.of(),
          List.of(),
          ExecutionOutcome.succeeded(),
          Map.of());

  private final List<String> delivered = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();
  private final SinkFailureHandler recordFailures =
      (sink, execution, failure) -> failures.add(new Failure(sink, execution, failure));

  private record Failure(MetricsSink sink, CompletedExecution execution, Throwable failure) {}

  @Test
  void deliversToEverySinkInOrder() {
    MetricsSink.composite(
            List.of(named("first"), MetricsSink.noop(), named("second")), recordFailures)
        .onExecutionCompleted(EXECUTION);

    assertThat(delivered).containsExactly("first", "second");
    assertThat(failures).isEmpty();
  }

  static Stream<Throwable> isolatedFailures() {
    return Stream.of(
        new IllegalStateException("exporter down"),
        new AssertionError("bug in a sink"),
        new NoClassDefFoundError("an optional dependency is missing"),
        new IOException("checked, thrown sneakily"));
  }

  @ParameterizedTest
  @MethodSource("isolatedFailures")
  void throwingSinkIsReportedAndSkippedWhileTheOthersStillReceiveTheExecution(Throwable thrown) {
    MetricsSink broken = throwing(thrown);
    MetricsSink composite =
        MetricsSink.composite(List.of(named("before"), broken, named("after")), recordFailures);

    assertThatCode(() -> composite.onExecutionCompleted(EXECUTION)).doesNotThrowAnyException();

    assertThat(delivered).containsExactly("before", "after");
    assertThat(failures).containsExactly(new Failure(broken, EXECUTION, thrown));
  }

  @Test
  void everyFailureIsReportedOnEveryDelivery() {
    MetricsSink composite =
        MetricsSink.composite(
            List.of(
                throwing(new IllegalStateException("a")), throwing(new IllegalStateException("b"))),
            recordFailures);

    composite.onExecutionCompleted(EXECUTION);
    composite.onExecutionCompleted(EXECUTION);

    assertThat(failures)
        .extracting(failure -> failure.failure().getMessage())
        .containsExactly("a", "b", "a", "b");
  }

  @Test
  void virtualMachineErrorPropagatesAtOnce() {
    OutOfMemoryError fatal = new OutOfMemoryError("test: heap exhausted");
    MetricsSink composite =
        MetricsSink.composite(List.of(throwing(fatal), named("after")), recordFailures);

    assertThatThrownBy(() -> composite.onExecutionCompleted(EXECUTION)).isSameAs(fatal);
    assertThat(delivered).isEmpty();
    assertThat(failures).isEmpty();
  }

  @Test
  void handlerThatThrowsLosesOnlyItsReport() {
    MetricsSink composite =
        MetricsSink.composite(
            List.of(throwing(new IllegalStateException("sink down")), named("after")),
            (sink, execution, failure) -> {
              throw new IllegalStateException("handler down too");
            });

    assertThatCode(() -> composite.onExecutionCompleted(EXECUTION)).doesNotThrowAnyException();
    assertThat(delivered).containsExactly("after");
  }

  @Test
  void laterChangesToTheGivenListDoNotChangeTheComposite() {
    List<MetricsSink> sinks = new ArrayList<>(List.of(named("kept")));
    MetricsSink composite = MetricsSink.composite(sinks, recordFailures);
    sinks.add(named("added later"));

    composite.onExecutionCompleted(EXECUTION);

    assertThat(delivered).containsExactly("kept");
  }

  @Test
  void nullArgumentsAreRejectedNamingThem() {
    assertThatNullPointerException()
        .isThrownBy(() -> MetricsSink.composite(null, recordFailures))
        .withMessage("sinks");
    assertThatNullPointerException()
        .isThrownBy(() -> MetricsSink.composite(Arrays.asList(named("a"), null), recordFailures))
        .withMessage("sinks[1]");
    assertThatNullPointerException()
        .isThrownBy(() -> MetricsSink.composite(List.of(), null))
        .withMessage("onFailure");
  }

  @Test
  void ignoringHandlerIgnores() {
    MetricsSink composite =
        MetricsSink.composite(
            List.of(throwing(new IllegalStateException("ignored")), named("after")),
            SinkFailureHandler.ignore());

    composite.onExecutionCompleted(EXECUTION);

    assertThat(delivered).containsExactly("after");
  }

  private MetricsSink named(String name) {
    return execution -> delivered.add(name);
  }

  private static MetricsSink throwing(Throwable failure) {
    return execution -> CompositeMetricsSinkTest.<RuntimeException>sneakyThrow(failure);
  }

  @SuppressWarnings("unchecked") // lets a test sink throw a checked exception, as Kotlin code can
  private static <T extends Throwable> void sneakyThrow(Throwable failure) throws T {
    throw (T) failure;
  }
}
