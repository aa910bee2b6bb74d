package io.agentmetrics.supervisor.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.StreamTiming;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric the bridge exports, against one table that follows the OpenTelemetry GenAI semantic
 * conventions at {@value #CONVENTIONS}: name, instrument, unit, bucket boundaries and attribute
 * keys; and the values of one execution whose numbers are worked out by hand.
 */
class GenAiConventionsTableTest {

  /** The conventions version the table follows; {@link GenAiSemconv} names the same one. */
  static final String CONVENTIONS =
      "open-telemetry/semantic-conventions-genai@066d4a7f356f8600de6f10c42874626ab88692fb"
          + " (schema https://opentelemetry.io/schemas/gen-ai-dev/1.42.0-dev)";

  private static final List<Double> DURATION =
      List.of(
          0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
  private static final List<Double> INVOKE_AGENT =
      List.of(0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 51.2, 102.4, 204.8, 409.6);
  private static final List<Double> INVOKE_WORKFLOW =
      List.of(1.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0, 7200.0);
  private static final List<Double> TOKENS =
      List.of(
          1.0,
          4.0,
          16.0,
          64.0,
          256.0,
          1024.0,
          4096.0,
          16384.0,
          65536.0,
          262144.0,
          1048576.0,
          4194304.0,
          16777216.0,
          67108864.0);
  private static final List<Double> COST =
      List.of(0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0);
  private static final List<Double> PHASE =
      List.of(
          0.001, 0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24,
          20.48, 40.96, 81.92);

  private static final Set<String> INFERENCE =
      Set.of(
          "gen_ai.operation.name",
          "gen_ai.provider.name",
          "gen_ai.request.model",
          "gen_ai.response.model");

  /** One row per exported metric. {@code buckets} is null for a counter. */
  record Row(
      String name,
      MetricDataType type,
      String unit,
      @Nullable List<Double> buckets,
      Set<String> attributes) {}

  static final List<Row> TABLE =
      List.of(
          new Row(
              "gen_ai.invoke_agent.duration",
              MetricDataType.HISTOGRAM,
              "s",
              INVOKE_AGENT,
              Set.of("gen_ai.agent.name")),
          new Row(
              "gen_ai.invoke_workflow.duration",
              MetricDataType.HISTOGRAM,
              "s",
              INVOKE_WORKFLOW,
              Set.of("gen_ai.workflow.name")),
          new Row(
              "gen_ai.execute_tool.duration",
              MetricDataType.HISTOGRAM,
              "s",
              DURATION,
              Set.of("gen_ai.tool.name", "gen_ai.agent.name")),
          new Row(
              "gen_ai.client.inference.duration",
              MetricDataType.HISTOGRAM,
              "s",
              DURATION,
              INFERENCE),
          new Row(
              "gen_ai.client.inference.time_to_first_chunk",
              MetricDataType.HISTOGRAM,
              "s",
              DURATION,
              INFERENCE),
          new Row(
              "gen_ai.client.inference.time_per_output_chunk",
              MetricDataType.HISTOGRAM,
              "s",
              DURATION,
              INFERENCE),
          new Row(
              "gen_ai.client.inference.usage.input_tokens",
              MetricDataType.LONG_SUM,
              "{token}",
              null,
              with(INFERENCE, "gen_ai.token.modality")),
          new Row(
              "gen_ai.client.inference.usage.output_tokens",
              MetricDataType.LONG_SUM,
              "{token}",
              null,
              with(INFERENCE, "gen_ai.token.modality")),
          new Row(
              "gen_ai.client.inference.operation.input_tokens",
              MetricDataType.HISTOGRAM,
              "{token}",
              TOKENS,
              INFERENCE),
          new Row(
              "gen_ai.client.inference.operation.output_tokens",
              MetricDataType.HISTOGRAM,
              "{token}",
              TOKENS,
              INFERENCE),
          new Row(
              "agentmetrics.gen_ai.client.inference.cost",
              MetricDataType.DOUBLE_SUM,
              "{USD}",
              null,
              INFERENCE),
          new Row(
              "agentmetrics.gen_ai.invoke_agent.cost",
              MetricDataType.HISTOGRAM,
              "{USD}",
              COST,
              Set.of("gen_ai.agent.name")),
          new Row(
              "agentmetrics.phase.duration",
              MetricDataType.HISTOGRAM,
              "s",
              PHASE,
              Set.of(
                  "agentmetrics.phase.category", "agentmetrics.phase.name", "gen_ai.agent.name")));

  private final OtelTesting otel = new OtelTesting();

  @AfterEach
  void closeSdk() {
    otel.close();
  }

  static Stream<Row> table() {
    return TABLE.stream();
  }

  @ParameterizedTest
  @MethodSource("table")
  void everyMetricHasTheConventionsNameInstrumentUnitBucketsAndAttributes(Row row) {
    exportAgentAndWorkflow();

    MetricData metric = otel.metricsByName().get(row.name());
    assertThat(metric).as("%s (%s)", row.name(), CONVENTIONS).isNotNull();
    assertThat(metric.getType()).isEqualTo(row.type());
    assertThat(metric.getUnit()).isEqualTo(row.unit());
    assertThat(metric.getDescription()).isNotBlank();
    for (PointData point : points(metric)) {
      assertThat(point.getAttributes().asMap().keySet())
          .extracting(AttributeKey::getKey)
          .as("attributes of %s", row.name())
          .containsExactlyInAnyOrderElementsOf(row.attributes());
      if (row.buckets() != null) {
        assertThat(((HistogramPointData) point).getBoundaries()).isEqualTo(row.buckets());
      }
    }
  }

  @Test
  void theTableIsEverythingExportedAndNoServerMetricIsAmongIt() {
    exportAgentAndWorkflow();

    assertThat(otel.metricsByName().keySet())
        .containsExactlyInAnyOrderElementsOf(TABLE.stream().map(Row::name).toList())
        .noneMatch(name -> name.startsWith("gen_ai.server."));
    assertThat(GenAiSemconv.GENAI_COMMIT).isEqualTo("066d4a7f356f8600de6f10c42874626ab88692fb");
    assertThat(CONVENTIONS).contains(GenAiSemconv.GENAI_COMMIT, GenAiSemconv.GENAI_SCHEMA_URL);
  }

  @Test
  void anInvocationsNumbersAreTheOnesWorkedOutByHand() {
    new OpenTelemetryBridge(otel.openTelemetry()).onExecutionCompleted(agentExecution());
    Map<String, MetricData> metrics = otel.metricsByName();

    // The execution took 1.5 s; its LLM call 0.335 s: first chunk at 300 ms, then 15 and 20 ms.
    assertThat(histogram(metrics, "gen_ai.invoke_agent.duration").getSum()).isEqualTo(1.5);
    assertThat(histogram(metrics, "gen_ai.client.inference.duration").getSum())
        .isCloseTo(0.335, within(1e-9));
    assertThat(histogram(metrics, "gen_ai.client.inference.time_to_first_chunk").getSum())
        .isCloseTo(0.3, within(1e-9));
    HistogramPointData perChunk =
        histogram(metrics, "gen_ai.client.inference.time_per_output_chunk");
    assertThat(perChunk.getCount()).isEqualTo(2);
    assertThat(perChunk.getSum()).isCloseTo(0.035, within(1e-9));
    assertThat(histogram(metrics, "gen_ai.execute_tool.duration").getSum()).isEqualTo(0.2);
    // 812 input and 96 output tokens, as text.
    assertThat(counter(metrics, "gen_ai.client.inference.usage.input_tokens").getValue())
        .isEqualTo(812);
    assertThat(counter(metrics, "gen_ai.client.inference.usage.output_tokens").getValue())
        .isEqualTo(96);
    assertThat(
            counter(metrics, "gen_ai.client.inference.usage.input_tokens")
                .getAttributes()
                .get(AttributeKey.stringKey("gen_ai.token.modality")))
        .isEqualTo("text");
    assertThat(histogram(metrics, "gen_ai.client.inference.operation.input_tokens").getSum())
        .isEqualTo(812);
    // gpt-4o-mini: 812 x $0.15 / 1e6 + 96 x $0.60 / 1e6 = $0.0001794 for the call and the task.
    DoublePointData cost =
        (DoublePointData)
            points(metrics.get("agentmetrics.gen_ai.client.inference.cost")).iterator().next();
    assertThat(cost.getValue()).isCloseTo(0.0001794, within(1e-12));
    HistogramPointData perTask = histogram(metrics, "agentmetrics.gen_ai.invoke_agent.cost");
    assertThat(perTask.getSum()).isCloseTo(0.0001794, within(1e-12));
    // $0.0001794 falls in the second bucket, (0.0001, 0.0005].
    assertThat(perTask.getCounts().get(1)).isEqualTo(1);
    assertThat(
            histogram(metrics, "gen_ai.client.inference.duration")
                .getAttributes()
                .get(AttributeKey.stringKey("gen_ai.provider.name")))
        .isEqualTo("openai");
  }

  @Test
  void theChatSpanCarriesStreamingFirstChunkUsageAndCost() {
    new OpenTelemetryBridge(otel.openTelemetry()).onExecutionCompleted(agentExecution());

    SpanData chat = otel.spansByName().get("chat gpt-4o-mini");
    assertThat(chat.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(chat.getAttributes().asMap())
        .containsEntry(AttributeKey.stringKey("gen_ai.operation.name"), "chat")
        .containsEntry(AttributeKey.stringKey("gen_ai.provider.name"), "openai")
        .containsEntry(AttributeKey.stringKey("gen_ai.request.model"), "gpt-4o-mini")
        .containsEntry(AttributeKey.stringKey("gen_ai.response.model"), "gpt-4o-mini-2024-07-18")
        .containsEntry(AttributeKey.booleanKey("gen_ai.request.stream"), true)
        .containsEntry(AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk"), 0.3)
        .containsEntry(AttributeKey.longKey("gen_ai.usage.input_tokens"), 812L)
        .containsEntry(AttributeKey.longKey("gen_ai.usage.output_tokens"), 96L)
        .containsEntry(AttributeKey.doubleKey("agentmetrics.usage.cost_usd"), 0.0001794);
    SpanData agent = otel.spansByName().get("invoke_agent study-agent");
    assertThat(agent.getAttributes().asMap())
        .containsEntry(AttributeKey.stringKey("gen_ai.operation.name"), "invoke_agent")
        .containsEntry(AttributeKey.longKey("gen_ai.usage.input_tokens"), 812L)
        .containsEntry(AttributeKey.longKey("gen_ai.usage.output_tokens"), 96L)
        .doesNotContainKey(AttributeKey.stringKey("gen_ai.agent.id"));
    assertThat(otel.spansByName()).containsKey("execute_tool lookup_notes");
  }

  @Test
  void aWorkflowIsAnInvokeWorkflowSpanAndDuration() {
    new OpenTelemetryBridge(otel.openTelemetry()).onExecutionCompleted(workflowExecution());

    SpanData workflow = otel.spansByName().get("invoke_workflow supervisor");
    assertThat(workflow.getAttributes().asMap())
        .containsEntry(AttributeKey.stringKey("gen_ai.operation.name"), "invoke_workflow")
        .containsEntry(AttributeKey.stringKey("gen_ai.workflow.name"), "supervisor");
    assertThat(histogram(otel.metricsByName(), "gen_ai.invoke_workflow.duration").getSum())
        .isEqualTo(2.0);
    assertThat(otel.metricsByName()).doesNotContainKey("gen_ai.invoke_agent.duration");
  }

  @Test
  void aCallWithoutUsageCountsZeroTokensOfUnknownModality() {
    CompletedExecution noUsage =
        Executions.execution()
            .phase(
                PhaseRecord.ROOT,
                "llm_processing",
                PhaseCategory.LLM_PROCESSING,
                0,
                100,
                Map.of(PhaseRecord.LLM_PROVIDER, "gemini", PhaseRecord.LLM_MODEL, "m"))
            .build();

    new OpenTelemetryBridge(otel.openTelemetry()).onExecutionCompleted(noUsage);

    LongPointData input =
        counter(otel.metricsByName(), "gen_ai.client.inference.usage.input_tokens");
    assertThat(input.getValue()).isZero();
    assertThat(input.getAttributes().get(AttributeKey.stringKey("gen_ai.token.modality")))
        .isEqualTo("unknown");
    assertThat(input.getAttributes().get(AttributeKey.stringKey("gen_ai.provider.name")))
        .isEqualTo("gcp.gemini");
    assertThat(otel.metricsByName())
        .doesNotContainKeys(
            "gen_ai.client.inference.time_to_first_chunk",
            "agentmetrics.gen_ai.client.inference.cost",
            "agentmetrics.gen_ai.invoke_agent.cost");
  }

  private void exportAgentAndWorkflow() {
    OpenTelemetryBridge bridge = new OpenTelemetryBridge(otel.openTelemetry());
    bridge.onExecutionCompleted(agentExecution());
    bridge.onExecutionCompleted(workflowExecution());
  }

  /** A study agent: a streamed, priced gpt-4o-mini call and one tool call, 1.5 s in all. */
  static CompletedExecution agentExecution() {
    return Executions.execution()
        .agentName("study-agent")
        .total(Duration.ofMillis(1_500))
        .attribute("conversation_id", "ctx-1")
        .phase(
            PhaseRecord.ROOT,
            "lookup_notes",
            PhaseCategory.TOOL_EXECUTION,
            0,
            200,
            Map.of(PhaseRecord.TOOL_NAME, "lookup_notes"))
        .phase(
            PhaseRecord.ROOT,
            "llm_processing",
            PhaseCategory.LLM_PROCESSING,
            200,
            335,
            Map.of(
                PhaseRecord.LLM_PROVIDER,
                "openai",
                PhaseRecord.LLM_MODEL,
                "gpt-4o-mini",
                PhaseRecord.LLM_RESPONSE_MODEL,
                "gpt-4o-mini-2024-07-18",
                PhaseRecord.LLM_STREAM,
                true,
                PhaseRecord.LLM_STREAM_TIMING,
                new StreamTiming(300, new double[] {15, 20}),
                PhaseRecord.LLM_INPUT_TOKENS,
                812,
                PhaseRecord.LLM_OUTPUT_TOKENS,
                96,
                PhaseRecord.LLM_COST_USD,
                0.0001794))
        .build();
  }

  static CompletedExecution workflowExecution() {
    return Executions.execution()
        .agentName("supervisor")
        .total(Duration.ofSeconds(2))
        .attribute(CompletedExecution.WORKFLOW_NAME, "supervisor")
        .outcome(ExecutionOutcome.succeeded())
        .build();
  }

  private static Set<String> with(Set<String> keys, String key) {
    Set<String> all = new HashSet<>(keys);
    all.add(key);
    return Set.copyOf(all);
  }

  private static Collection<? extends PointData> points(MetricData metric) {
    return switch (metric.getType()) {
      case HISTOGRAM -> metric.getHistogramData().getPoints();
      case LONG_SUM -> metric.getLongSumData().getPoints();
      case DOUBLE_SUM -> metric.getDoubleSumData().getPoints();
      default -> throw new AssertionError("unexpected instrument " + metric.getType());
    };
  }

  private static HistogramPointData histogram(Map<String, MetricData> metrics, String name) {
    return metrics.get(name).getHistogramData().getPoints().iterator().next();
  }

  private static LongPointData counter(Map<String, MetricData> metrics, String name) {
    return metrics.get(name).getLongSumData().getPoints().iterator().next();
  }
}
