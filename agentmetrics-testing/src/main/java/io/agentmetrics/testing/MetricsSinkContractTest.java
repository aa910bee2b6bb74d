package io.agentmetrics.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionContext;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.TimeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link MetricsSink} must show. An implementation's test extends this class,
 * implements {@link #newSink} and {@link #executionsRecorded}, and the inherited tests run against
 * it:
 *
 * <pre>{@code
 * class MySinkContractTest extends MetricsSinkContractTest {
 *   private MySink mySink;
 *
 *   @Override
 *   protected MetricsSink newSink(TimeSource time) {
 *     mySink = new MySink(time);
 *     return mySink;
 *   }
 *
 *   @Override
 *   protected long executionsRecorded() {
 *     return mySink.exportedCount(); // read from what the sink produced
 *   }
 * }
 * }</pre>
 *
 * <p>Every test hands the sink executions, each once, and checks that it records each of them
 * without throwing: successful and failed ones, one without phases, one with a thousand phases,
 * phases still running at completion, parallel and nested phases, names and metadata a careless
 * writer would choke on (quotes, newlines, emoji, 2,000 characters, {@code NaN}, nested lists and
 * maps), executions arriving out of start order, and deliveries from several threads at once, none
 * of which may be lost. The executions end at {@link #time}'s current reading, as if they had just
 * completed; the kit never moves the clock.
 *
 * @since 0.1.0
 */
public abstract class MetricsSinkContractTest {

  /** The clock given to the sink under test; the executions end at its current reading. */
  protected FakeTimeSource time = new FakeTimeSource();

  /** The sink under test, created before each test. */
  protected MetricsSink sink = MetricsSink.noop();

  /** Creates the sink under test; a sink that reads a clock should read {@code time}. */
  protected abstract MetricsSink newSink(TimeSource time);

  /**
   * How many executions the sink under test has recorded so far, read from what it produces: the
   * spans it exported, the lines it wrote, the {@link MetricType#TOTAL_EXECUTION} samples it holds.
   * Each execution the kit hands it must count once.
   */
  protected abstract long executionsRecorded();

  @BeforeEach
  void createSink() {
    time = new FakeTimeSource();
    sink = newSink(time);
  }

  @Test
  void successfulExecutionIsRecorded() {
    deliver(successfulExecution());

    assertThat(executionsRecorded()).isEqualTo(1);
  }

  @Test
  void failedExecutionWithAPhaseClosedByTheCollectorIsRecorded() {
    deliver(failedExecution());

    assertThat(executionsRecorded()).isEqualTo(1);
  }

  @Test
  void executionWithoutPhasesIsRecorded() {
    deliver(new ExecutionFixture("bare_agent", time.now(), 5).overheadMs(5).build());

    assertThat(executionsRecorded()).isEqualTo(1);
  }

  @Test
  void executionOfAThousandPhasesIsRecorded() {
    int count = 1_000;
    PhaseCategory[] categories = PhaseCategory.values();
    double[] categoryMs = new double[categories.length];
    ExecutionFixture execution = new ExecutionFixture("busy_agent", time.now(), count);
    for (int i = 0; i < count; i++) {
      // Every other phase is uncategorized; the others take the categories in turn.
      PhaseCategory category = i % 2 == 0 ? categories[i / 2 % categories.length] : null;
      execution.phase(PhaseRecord.ROOT, "step_" + i, category, i, 1, Map.of());
      if (category != null) {
        categoryMs[category.ordinal()]++;
      }
    }
    for (PhaseCategory category : categories) {
      execution.categoryMs(category, categoryMs[category.ordinal()]);
    }

    deliver(execution.overheadMs(count / 2.0).build());

    assertThat(executionsRecorded()).isEqualTo(1);
  }

  @Test
  void namesAndMetadataThatBreakCarelessWritersAreRecorded() {
    String hostile = "quote \" backslash \\ newline \n tab \t <b>&amp; emoji \uD83D\uDE80 ü ";
    String name = hostile + "x".repeat(2_000);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put(hostile, hostile);
    metadata.put("not_a_number", Double.NaN);
    metadata.put("infinite", Double.POSITIVE_INFINITY);
    metadata.put("negative_zero", -0.0);
    metadata.put("largest_long", Long.MAX_VALUE);
    metadata.put("flag", true);
    metadata.put("empty", "");
    metadata.put("list", List.of(1, "two", 3.0));
    metadata.put("nested", Map.of("inner", Map.of("deepest", List.of())));
    metadata.put("instant", Instant.EPOCH);
    metadata.put(
        "object",
        new Object() {
          @Override
          public String toString() {
            return "an object\nwhose toString spans lines";
          }
        });

    deliver(
        new ExecutionFixture(name, time.now(), 10)
            .phase(PhaseRecord.ROOT, name, PhaseCategory.TOOL_EXECUTION, 0, 10, metadata)
            .categoryMs(PhaseCategory.TOOL_EXECUTION, 10)
            .metric(MetricType.TOOL_EXECUTION, 10, 10, metadata)
            .metric(MetricType.EXTERNAL_API, 0, 10, Map.of())
            .attribute(CompletedExecution.RUN_ID, name)
            .attribute(hostile, metadata)
            .outcome(ExecutionOutcome.failed(name, hostile))
            .build());

    assertThat(executionsRecorded()).isEqualTo(1);
  }

  @Test
  void executionsArrivingOutOfStartOrderAreAllRecorded() {
    CompletedExecution earlier = new ExecutionFixture("agent", time.now(), 5_000).build();
    CompletedExecution later = new ExecutionFixture("agent", time.now(), 10).build();

    deliver(later);
    deliver(earlier);

    assertThat(executionsRecorded()).isEqualTo(2);
  }

  @Test
  @Timeout(60)
  void concurrentDeliveriesAreAllRecorded() throws Exception {
    int threads = 4;
    int perThread = 250;
    List<Callable<Void>> deliveries = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<CompletedExecution> batch = new ArrayList<>();
      for (int i = 0; i < perThread; i++) {
        batch.add(i % 5 == 0 ? failedExecution() : successfulExecution());
      }
      deliveries.add(
          () -> {
            batch.forEach(sink::onExecutionCompleted);
            return null;
          });
    }
    Together.run(deliveries);

    assertThat(executionsRecorded()).isEqualTo((long) threads * perThread);
  }

  /**
   * A successful execution of 1 s ending now, with the phases most agents run: initialization, an
   * LLM call with token counts, a tool with a nested database query, two parallel tasks and an
   * uncategorized phase, a first token, the metrics an enhanced collector records and the run,
   * conversation and user ids.
   */
  protected CompletedExecution successfulExecution() {
    return new ExecutionFixture("contract_agent", time.now(), 1_000)
        .phase(PhaseRecord.ROOT, "initialization", PhaseCategory.INITIALIZATION, 0, 50, Map.of())
        .phase(
            PhaseRecord.ROOT,
            "plan",
            PhaseCategory.LLM_PROCESSING,
            50,
            300,
            Map.of(
                PhaseRecord.LLM_MODEL,
                "gemini-2.5-flash",
                PhaseRecord.LLM_PROVIDER,
                "gemini",
                PhaseRecord.LLM_INPUT_TOKENS,
                1_200,
                PhaseRecord.LLM_OUTPUT_TOKENS,
                80))
        .phase(
            PhaseRecord.ROOT,
            "search",
            PhaseCategory.TOOL_EXECUTION,
            350,
            400,
            Map.of(PhaseRecord.TOOL_NAME, "web_search"))
        .phase(2, "fetch_orders", PhaseCategory.DATABASE_QUERY, 400, 100, Map.of())
        .parallelTask(PhaseRecord.ROOT, "notify_a", 760, 100)
        .parallelTask(PhaseRecord.ROOT, "notify_b", 770, 120)
        .phase(PhaseRecord.ROOT, "response_formatting", null, 890, 110, Map.of())
        .categoryMs(PhaseCategory.INITIALIZATION, 50)
        .categoryMs(PhaseCategory.LLM_PROCESSING, 300)
        .categoryMs(PhaseCategory.TOOL_EXECUTION, 400)
        .categoryMs(PhaseCategory.DATABASE_QUERY, 100)
        .overheadMs(250)
        .firstTokenAt(120)
        .metric(MetricType.LLM_PROCESSING, 300, 350, Map.of("phase", "plan"))
        .metric(MetricType.DATABASE_QUERY, 100, 500, Map.of("phase", "fetch_orders"))
        .metric(MetricType.TOOL_EXECUTION, 400, 750, Map.of("phase", "search"))
        .attribute(CompletedExecution.RUN_ID, "run-1")
        .attribute(ExecutionContext.CONVERSATION_ID, "conversation-1")
        .attribute(CompletedExecution.USER_ID, "user-1")
        .build();
  }

  /**
   * A failed execution of 400 ms ending now: its LLM call timed out and was still running at
   * completion, so the collector closed it.
   */
  protected CompletedExecution failedExecution() {
    return new ExecutionFixture("contract_agent", time.now(), 400)
        .phase(PhaseRecord.ROOT, "initialization", PhaseCategory.INITIALIZATION, 0, 20, Map.of())
        .closedPhase(
            "plan",
            PhaseCategory.LLM_PROCESSING,
            20,
            Map.of(PhaseRecord.ERROR_TYPE, "java.util.concurrent.TimeoutException"))
        .categoryMs(PhaseCategory.INITIALIZATION, 20)
        .categoryMs(PhaseCategory.LLM_PROCESSING, 380)
        .attribute(CompletedExecution.RUN_ID, "run-2")
        .outcome(
            ExecutionOutcome.failed(
                "java.util.concurrent.TimeoutException", "the model did not answer within 30 s"))
        .build();
  }

  /** Hands {@code execution} to the sink under test, which must not throw. */
  protected void deliver(CompletedExecution execution) {
    assertThatCode(() -> sink.onExecutionCompleted(execution)).doesNotThrowAnyException();
  }
}
