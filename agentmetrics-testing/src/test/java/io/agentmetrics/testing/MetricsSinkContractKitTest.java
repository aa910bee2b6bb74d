package io.agentmetrics.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.TimeSource;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs {@link MetricsSinkContractTest} against sinks with the bugs it exists to catch, and checks
 * that exactly the tests for those bugs fail. The kits under test are nested classes, so the build
 * runs them only through this test.
 */
class MetricsSinkContractKitTest {

  @Test
  void correctSinkPassesEveryTest() {
    assertThat(failedTests(CountingSinkContract.class)).isEmpty();
  }

  @Test
  void sinkThatRecordsOnlyOnItsOwnThreadFailsTheConcurrencyTest() {
    assertThat(failedTests(ThreadConfinedSinkContract.class))
        .containsExactly("concurrentDeliveriesAreAllRecorded()");
  }

  @Test
  void sinkThatChokesOnNotANumberFailsTheHostileMetadataTest() {
    assertThat(failedTests(NaiveJsonSinkContract.class))
        .containsExactly("namesAndMetadataThatBreakCarelessWritersAreRecorded()");
  }

  @Test
  void sinkThatThrowsOnFailedExecutionsFailsEveryTestThatDeliversOne() {
    assertThat(failedTests(SuccessOnlySinkContract.class))
        .containsExactlyInAnyOrder(
            "failedExecutionWithAPhaseClosedByTheCollectorIsRecorded()",
            "namesAndMetadataThatBreakCarelessWritersAreRecorded()",
            "concurrentDeliveriesAreAllRecorded()");
  }

  private static List<String> failedTests(Class<?> contract) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(contract))
        .execute()
        .testEvents()
        .failed()
        .stream()
        .map(Event::getTestDescriptor)
        .map(descriptor -> descriptor.getDisplayName())
        .toList();
  }

  /** Counts what it is given: a correct sink. */
  static class CountingSinkContract extends MetricsSinkContractTest {
    final LongAdder count = new LongAdder();

    @Override
    protected MetricsSink newSink(TimeSource time) {
      return execution -> count.increment();
    }

    @Override
    protected long executionsRecorded() {
      return count.sum();
    }
  }

  /** Buffers per thread and reports only the buffer of the thread that created it. */
  static final class ThreadConfinedSinkContract extends MetricsSinkContractTest {
    private ThreadLocal<LongAdder> perThread = ThreadLocal.withInitial(LongAdder::new);

    @Override
    protected MetricsSink newSink(TimeSource time) {
      perThread = ThreadLocal.withInitial(LongAdder::new);
      return execution -> perThread.get().increment();
    }

    @Override
    protected long executionsRecorded() {
      return perThread.get().sum();
    }
  }

  /** Writes numbers as JSON does, which has no NaN: it throws on one. */
  static final class NaiveJsonSinkContract extends CountingSinkContract {
    @Override
    protected MetricsSink newSink(TimeSource time) {
      return execution -> {
        for (PhaseRecord phase : execution.phases()) {
          phase
              .metadata()
              .forEach(
                  (key, value) -> {
                    if (value instanceof Double number && number.isNaN()) {
                      throw new IllegalArgumentException("JSON has no NaN, in " + key);
                    }
                  });
        }
        count.increment();
      };
    }
  }

  /** Assumes every execution succeeded. */
  static final class SuccessOnlySinkContract extends CountingSinkContract {
    @Override
    protected MetricsSink newSink(TimeSource time) {
      return execution -> {
        if (!execution.outcome().success()) {
          throw new IllegalStateException("unexpected failure " + execution.outcome());
        }
        count.increment();
      };
    }
  }
}
