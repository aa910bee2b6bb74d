package io.agentmetrics.supervisor.otel;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.PhaseTimer;
import io.agentmetrics.core.EnhancedExecutionTimingCollector;
import io.agentmetrics.testing.FakeTimeSource;
import io.opentelemetry.sdk.trace.data.SpanData;
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
}
