package io.agentmetrics.supervisor.otel;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agentmetrics.agent.AgentTiming;
import io.agentmetrics.agent.ToolCall;
import io.agentmetrics.agent.llm.LlmRequest;
import io.agentmetrics.agent.llm.LlmStreamListener;
import io.agentmetrics.agent.testing.ScriptedLlm;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.PhaseTimer;
import io.agentmetrics.core.EnhancedExecutionTimingCollector;
import io.agentmetrics.testing.FakeTimeSource;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a real collector records, exported by the bridge. */
class CollectorToBridgeTest {

  private final OtelTesting otel = new OtelTesting();
  private final FakeTimeSource time = new FakeTimeSource();
  private final EnhancedExecutionTimingCollector collector =
      new EnhancedExecutionTimingCollector(UUID.randomUUID(), "supervisor", time);

  @AfterEach
  void closeSdk() {
    otel.close();
  }

  @Test
  @SuppressWarnings("try") // the query phase is timed by its block alone
  void collectorPhasesBecomeANestedGenAiSpanTree() {
    try (PhaseTimer llm = collector.measure("plan", MetricType.LLM_PROCESSING)) {
      llm.annotate(PhaseRecord.LLM_PROVIDER, "openai");
      llm.annotate(PhaseRecord.LLM_MODEL, "gpt-4o-mini");
      time.advanceMillis(200);
      collector.recordFirstToken();
      llm.annotate(PhaseRecord.LLM_INPUT_TOKENS, 812);
      llm.annotate(PhaseRecord.LLM_OUTPUT_TOKENS, 96);
    }
    try (PhaseTimer tool = collector.measure("search", MetricType.TOOL_EXECUTION)) {
      tool.annotate(PhaseRecord.TOOL_NAME, "web_search");
      try (PhaseTimer query = collector.measure("fetch_orders", MetricType.DATABASE_QUERY)) {
        time.advanceMillis(30);
      }
      PhaseTimer a = collector.startParallelTask("notify_a");
      PhaseTimer b = collector.startParallelTask("notify_b");
      time.advanceMillis(10);
      a.stop();
      b.stop();
    }

    new OpenTelemetryBridge(otel.openTelemetry())
        .onExecutionCompleted(collector.complete(ExecutionOutcome.succeeded()));

    Map<String, SpanData> spans = otel.spansByName();
    assertThat(spans)
        .containsOnlyKeys(
            "invoke_agent supervisor",
            "chat gpt-4o-mini",
            "execute_tool web_search",
            "fetch_orders",
            "notify_a",
            "notify_b");
    String agent = spans.get("invoke_agent supervisor").getSpanId();
    String tool = spans.get("execute_tool web_search").getSpanId();
    assertThat(spans.get("chat gpt-4o-mini").getParentSpanId()).isEqualTo(agent);
    assertThat(spans.get("execute_tool web_search").getParentSpanId()).isEqualTo(agent);
    assertThat(spans.get("fetch_orders").getParentSpanId()).isEqualTo(tool);
    assertThat(spans.get("notify_a").getParentSpanId()).isEqualTo(tool);
    assertThat(spans.get("notify_b").getParentSpanId()).isEqualTo(tool);
    assertThat(spans.get("notify_b").getAttributes().get(booleanKey("agentmetrics.phase.parallel")))
        .isTrue();
    assertThat(spans.get("chat gpt-4o-mini").getAttributes().asMap())
        .containsEntry(stringKey("gen_ai.provider.name"), "openai")
        .containsEntry(longKey("gen_ai.usage.input_tokens"), 812L)
        .containsEntry(longKey("gen_ai.usage.output_tokens"), 96L);
    SpanData root = spans.get("invoke_agent supervisor");
    assertThat(root.getEndEpochNanos() - root.getStartEpochNanos())
        .isEqualTo(TimeUnit.MILLISECONDS.toNanos(240));
    assertThat(root.getStartEpochNanos())
        .isEqualTo(TimeUnit.SECONDS.toNanos(FakeTimeSource.DEFAULT_START.getEpochSecond()));
  }

  @Test
  void phaseStillRunningAtCompletionIsMarkedClosedByCollector() {
    collector.startPhase("stuck");
    time.advanceMillis(5);

    new OpenTelemetryBridge(otel.openTelemetry())
        .onExecutionCompleted(collector.complete(ExecutionOutcome.succeeded()));

    assertThat(
            otel.spansByName()
                .get("stuck")
                .getAttributes()
                .get(booleanKey("agentmetrics.phase.closed_by_collector")))
        .isTrue();
  }

  @Test
  void parallelToolCallsAreToolSpansAndTheirBatchIsNot() throws InterruptedException {
    AgentTiming.parallel(
        collector,
        Runnable::run,
        List.of(ToolCall.of("search_web", () -> "a"), ToolCall.of("search_notes", () -> "b")));

    new OpenTelemetryBridge(otel.openTelemetry())
        .onExecutionCompleted(collector.complete(ExecutionOutcome.succeeded()));

    assertThat(otel.spansByName())
        .containsKeys("execute_tool search_web", "execute_tool search_notes", "parallel_tools")
        .doesNotContainKey("execute_tool parallel_tools");
    assertThat(
            otel.metricsByName().get("gen_ai.execute_tool.duration").getHistogramData().getPoints())
        .extracting(point -> point.getAttributes().get(stringKey("gen_ai.tool.name")))
        .containsExactlyInAnyOrder("search_web", "search_notes");
  }

  @Test
  void aStreamedCallTimedByAgentTimingExportsItsChunkTimes() {
    // First chunk 300 ms after the call is issued, then four more 15 ms apart.
    AgentTiming.streamLlm(
        collector,
        ScriptedLlm.gpt4oMini(time, 300, 15, 15, 15, 15).as("openai", "five-chunks"),
        LlmRequest.of("x"),
        LlmStreamListener.ignoring());

    new OpenTelemetryBridge(otel.openTelemetry())
        .onExecutionCompleted(collector.complete(ExecutionOutcome.succeeded()));

    Map<String, MetricData> metrics = otel.metricsByName();
    HistogramPointData first =
        metrics
            .get("gen_ai.client.inference.time_to_first_chunk")
            .getHistogramData()
            .getPoints()
            .iterator()
            .next();
    HistogramPointData perChunk =
        metrics
            .get("gen_ai.client.inference.time_per_output_chunk")
            .getHistogramData()
            .getPoints()
            .iterator()
            .next();
    assertThat(first.getSum()).isCloseTo(0.3, within(1e-9));
    assertThat(perChunk.getCount()).isEqualTo(4);
    assertThat(perChunk.getSum()).isCloseTo(0.06, within(1e-9));
    assertThat(
            otel.spansByName()
                .get("chat five-chunks")
                .getAttributes()
                .get(booleanKey("gen_ai.request.stream")))
        .isTrue();
  }
}
