package io.agentmetrics.supervisor.otel;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseRecord;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenTelemetryBridgeTest {

  private final OtelTesting otel = new OtelTesting();
  private final OpenTelemetryBridge bridge = new OpenTelemetryBridge(otel.openTelemetry());

  @AfterEach
  void closeSdk() {
    otel.close();
  }

  @Test
  void workflowBecomesInvokeAgentSpanWithGenAiAttributes() {
    CompletedExecution execution = Executions.workflow().build();

    bridge.onExecutionCompleted(execution);

    SpanData agent = otel.spansByName().get("invoke_agent supervisor");
    assertThat(agent).isNotNull();
    assertThat(agent.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(agent.getParentSpanContext().isValid()).isFalse();
    assertThat(agent.getAttributes().asMap())
        .containsEntry(stringKey("gen_ai.operation.name"), "invoke_agent")
        .containsEntry(stringKey("gen_ai.agent.name"), "supervisor")
        .containsEntry(stringKey("gen_ai.conversation.id"), "ctx-42")
        .doesNotContainKey(stringKey("gen_ai.agent.id"))
        .containsEntry(stringKey("agentmetrics.run.id"), "run-1")
        .containsEntry(stringKey("agentmetrics.execution.id"), execution.executionId().toString());
    assertThat(agent.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(agent.getInstrumentationScopeInfo().getName())
        .isEqualTo(OpenTelemetryBridgeConfig.DEFAULT_INSTRUMENTATION_SCOPE_NAME);
  }

  @Test
  void agentIdIsSetOnlyWhenTheExecutionHasOne() {
    bridge.onExecutionCompleted(
        Executions.execution().attribute(OpenTelemetryBridge.AGENT_ID_ATTRIBUTE, "asst_7").build());

    assertThat(otel.spansByName().get("invoke_agent supervisor").getAttributes().asMap())
        .containsEntry(stringKey("gen_ai.agent.id"), "asst_7");
  }

  @Test
  void phasesNestAsTheyRanAndParallelTasksAreSiblings() {
    bridge.onExecutionCompleted(Executions.workflow().build());

    Map<String, SpanData> spans = otel.spansByName();
    String agentId = spans.get("invoke_agent supervisor").getSpanId();
    assertThat(spans)
        .containsOnlyKeys(
            "invoke_agent supervisor",
            "initialization",
            "chat gemini-2.5-flash",
            "execute_tool web_search",
            "fetch_orders",
            "notify_a",
            "notify_b");
    assertThat(spans.get("initialization").getParentSpanId()).isEqualTo(agentId);
    assertThat(spans.get("chat gemini-2.5-flash").getParentSpanId()).isEqualTo(agentId);
    assertThat(spans.get("execute_tool web_search").getParentSpanId()).isEqualTo(agentId);
    assertThat(spans.get("fetch_orders").getParentSpanId())
        .isEqualTo(spans.get("execute_tool web_search").getSpanId());
    assertThat(spans.get("notify_a").getParentSpanId()).isEqualTo(agentId);
    assertThat(spans.get("notify_b").getParentSpanId()).isEqualTo(agentId);
    assertThat(spans.get("notify_a").getAttributes().get(booleanKey("agentmetrics.phase.parallel")))
        .isTrue();
    assertThat(spans.values())
        .extracting(SpanData::getTraceId)
        .containsOnly(spans.get("invoke_agent supervisor").getTraceId());
  }

  @Test
  void llmPhaseBecomesChatClientSpanWithProviderModelAndTokens() {
    bridge.onExecutionCompleted(Executions.workflow().build());

    SpanData chat = otel.spansByName().get("chat gemini-2.5-flash");
    assertThat(chat.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(chat.getAttributes().asMap())
        .containsEntry(stringKey("gen_ai.operation.name"), "chat")
        .containsEntry(stringKey("gen_ai.provider.name"), "gcp.gemini")
        .containsEntry(stringKey("gen_ai.request.model"), "gemini-2.5-flash")
        .containsEntry(longKey("gen_ai.usage.input_tokens"), 1200L)
        .containsEntry(longKey("gen_ai.usage.output_tokens"), 80L)
        .containsEntry(stringKey("gen_ai.conversation.id"), "ctx-42")
        .containsEntry(stringKey("agentmetrics.phase.category"), "llm_processing");
  }

  @Test
  void llmPhaseWithoutModelIsNamedChat() {
    bridge.onExecutionCompleted(
        Executions.execution()
            .phase(
                PhaseRecord.ROOT, "llm_processing", PhaseCategory.LLM_PROCESSING, 0, 10, Map.of())
            .build());

    assertThat(otel.spansByName()).containsKey("chat");
  }

  @Test
  void toolSpanIsNamedAfterTheToolThenThePhaseName() {
    bridge.onExecutionCompleted(
        Executions.execution()
            .phase(
                PhaseRecord.ROOT,
                "step",
                PhaseCategory.TOOL_EXECUTION,
                0,
                10,
                Map.of(PhaseRecord.TOOL_NAME, "calculator"))
            .phase(
                PhaseRecord.ROOT, "lookup_weather", PhaseCategory.TOOL_EXECUTION, 10, 10, Map.of())
            .phase(
                PhaseRecord.ROOT, "tool_execution", PhaseCategory.TOOL_EXECUTION, 20, 10, Map.of())
            .build());

    Map<String, SpanData> spans = otel.spansByName();
    assertThat(spans).containsKeys("execute_tool calculator", "execute_tool lookup_weather");
    assertThat(spans.get("execute_tool calculator").getAttributes().asMap())
        .containsEntry(stringKey("gen_ai.operation.name"), "execute_tool")
        .containsEntry(stringKey("gen_ai.tool.name"), "calculator")
        .containsEntry(stringKey("agentmetrics.phase.name"), "step");
    assertThat(spans.get("execute_tool calculator").getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(spans.get("execute_tool").getAttributes().get(stringKey("gen_ai.tool.name")))
        .isNull();
  }

  @Test
  void otherPhasesKeepTheirNameWithTheirCategory() {
    bridge.onExecutionCompleted(Executions.workflow().build());

    Map<String, SpanData> spans = otel.spansByName();
    assertThat(spans.get("fetch_orders").getAttributes().asMap())
        .containsEntry(stringKey("agentmetrics.phase.category"), "database_query")
        .doesNotContainKey(stringKey("gen_ai.operation.name"));
    assertThat(spans.get("notify_a").getAttributes().get(stringKey("agentmetrics.phase.category")))
        .isEqualTo("other");
  }

  @Test
  void spansCarryTheRealTimesOfTheExecution() {
    bridge.onExecutionCompleted(Executions.workflow().build());

    Map<String, SpanData> spans = otel.spansByName();
    long start = TimeUnit.SECONDS.toNanos(Executions.START.getEpochSecond());
    SpanData agent = spans.get("invoke_agent supervisor");
    assertThat(agent.getStartEpochNanos()).isEqualTo(start);
    assertThat(agent.getEndEpochNanos()).isEqualTo(start + millis(1_000));
    SpanData query = spans.get("fetch_orders");
    assertThat(query.getStartEpochNanos()).isEqualTo(start + millis(400));
    assertThat(query.getEndEpochNanos()).isEqualTo(start + millis(500));
    assertThat(agent.getEvents())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getName()).isEqualTo("agentmetrics.first_token");
              assertThat(event.getEpochNanos()).isEqualTo(start + millis(120));
            });
  }

  @Test
  void agentSpanAndItsDurationMetricLastAtLeastUntilTheLastPhaseEnds() {
    bridge.onExecutionCompleted(
        Executions.execution()
            .total(Duration.ofMillis(10))
            .phase(PhaseRecord.ROOT, "late", null, 0, 50, Map.of())
            .build());

    SpanData agent = otel.spansByName().get("invoke_agent supervisor");
    assertThat(agent.getEndEpochNanos() - agent.getStartEpochNanos()).isEqualTo(millis(50));
    assertThat(singlePoint(otel.metricsByName().get("gen_ai.invoke_agent.duration")).getSum())
        .isEqualTo(0.05);
  }

  @Test
  void failedExecutionSetsErrorStatusAndErrorType() {
    bridge.onExecutionCompleted(
        Executions.workflow()
            .outcome(
                ExecutionOutcome.failed("java.util.concurrent.TimeoutException", "LLM timed out"))
            .build());

    SpanData agent = otel.spansByName().get("invoke_agent supervisor");
    assertThat(agent.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(agent.getStatus().getDescription()).isEqualTo("LLM timed out");
    assertThat(agent.getAttributes().get(stringKey("error.type")))
        .isEqualTo("java.util.concurrent.TimeoutException");
  }

  @Test
  void failedPhaseSetsErrorStatusAndErrorType() {
    bridge.onExecutionCompleted(
        Executions.execution()
            .phase(
                PhaseRecord.ROOT,
                "search",
                PhaseCategory.TOOL_EXECUTION,
                0,
                10,
                Map.of(PhaseRecord.ERROR_TYPE, "timeout"))
            .build());

    SpanData tool = otel.spansByName().get("execute_tool search");
    assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(tool.getAttributes().get(stringKey("error.type"))).isEqualTo("timeout");
    assertThat(otel.spansByName().get("invoke_agent supervisor").getStatus().getStatusCode())
        .isEqualTo(StatusCode.UNSET);
  }

  @Test
  void agentSpanIsChildOfTheCurrentSpan() {
    Tracer tracer = otel.openTelemetry().getTracer("http-server");
    Span server = tracer.spanBuilder("POST /").setSpanKind(SpanKind.SERVER).startSpan();
    Scope scope = server.makeCurrent();
    try {
      bridge.onExecutionCompleted(Executions.workflow().build());
    } finally {
      scope.close();
      server.end();
    }

    SpanData agent = otel.spansByName().get("invoke_agent supervisor");
    assertThat(agent.getParentSpanId()).isEqualTo(server.getSpanContext().getSpanId());
    assertThat(agent.getTraceId()).isEqualTo(server.getSpanContext().getTraceId());
  }

  @Test
  void exportTakesAnExplicitParent() {
    Span parent = otel.openTelemetry().getTracer("test").spanBuilder("queue").startSpan();
    parent.end();

    bridge.export(Executions.workflow().build(), Context.root().with(parent));

    assertThat(otel.spansByName().get("invoke_agent supervisor").getParentSpanId())
        .isEqualTo(parent.getSpanContext().getSpanId());
  }

  @Test
  void noopOpenTelemetryDisablesTheBridge() {
    OpenTelemetryBridge noop = new OpenTelemetryBridge(OpenTelemetry.noop());

    assertThat(noop.isEnabled()).isFalse();
    assertThatCode(() -> noop.onExecutionCompleted(Executions.workflow().build()))
        .doesNotThrowAnyException();
    assertThat(noop.failedExports()).isZero();
  }

  @Test
  void unsetGlobalOpenTelemetryDisablesTheBridge() {
    try {
      assertThat(new OpenTelemetryBridge(GlobalOpenTelemetry.get()).isEnabled()).isFalse();
    } finally {
      GlobalOpenTelemetry.resetForTest();
    }
  }

  @Test
  void sdkMakesTheBridgeEnabled() {
    assertThat(bridge.isEnabled()).isTrue();
  }

  @Test
  void tracerFailureIsCountedNotThrown() {
    TracerProvider throwing =
        new TracerProvider() {
          @Override
          public Tracer get(String name) {
            return spanName -> {
              throw new IllegalStateException("broken tracer");
            };
          }

          @Override
          public Tracer get(String name, String version) {
            return get(name);
          }
        };
    OpenTelemetry broken =
        new OpenTelemetry() {
          @Override
          public TracerProvider getTracerProvider() {
            return throwing;
          }

          @Override
          public ContextPropagators getPropagators() {
            return ContextPropagators.noop();
          }
        };
    OpenTelemetryBridge bridge =
        new OpenTelemetryBridge(
            broken, OpenTelemetryBridgeConfig.builder().instrumentationScope("test", null).build());

    assertThatCode(() -> bridge.onExecutionCompleted(Executions.workflow().build()))
        .doesNotThrowAnyException();
    assertThat(bridge.failedExports()).isEqualTo(1);
  }

  @Test
  void metricsAreRecordedInSecondsWithGenAiAttributes() {
    bridge.onExecutionCompleted(Executions.workflow().build());

    Map<String, MetricData> metrics = otel.metricsByName();
    HistogramPointData invocation = singlePoint(metrics.get("gen_ai.invoke_agent.duration"));
    assertThat(invocation.getSum()).isEqualTo(1.0);
    assertThat(invocation.getAttributes())
        .isEqualTo(Attributes.of(stringKey("gen_ai.agent.name"), "supervisor"));
    HistogramPointData chat = singlePoint(metrics.get("gen_ai.client.inference.duration"));
    assertThat(chat.getSum()).isEqualTo(0.3);
    assertThat(chat.getAttributes())
        .isEqualTo(
            Attributes.of(
                stringKey("gen_ai.operation.name"),
                "chat",
                stringKey("gen_ai.provider.name"),
                "gcp.gemini",
                stringKey("gen_ai.request.model"),
                "gemini-2.5-flash"));
    HistogramPointData tool = singlePoint(metrics.get("gen_ai.execute_tool.duration"));
    assertThat(tool.getSum()).isEqualTo(0.4);
    assertThat(tool.getAttributes().get(stringKey("gen_ai.tool.name"))).isEqualTo("web_search");
  }

  @Test
  void tokenUsageIsCountedAndDistributedPerCall() {
    bridge.onExecutionCompleted(Executions.workflow().build());

    Map<String, MetricData> metrics = otel.metricsByName();
    assertThat(
            metrics
                .get("gen_ai.client.inference.usage.input_tokens")
                .getLongSumData()
                .getPoints()
                .iterator()
                .next()
                .getValue())
        .isEqualTo(1200);
    assertThat(singlePoint(metrics.get("gen_ai.client.inference.operation.output_tokens")).getSum())
        .isEqualTo(80.0);
  }

  @Test
  void phaseDurationIsRecordedPerPhaseWithCategoryAndName() {
    bridge.onExecutionCompleted(Executions.workflow().build());

    MetricData phases = otel.metricsByName().get("agentmetrics.phase.duration");
    assertThat(phases.getHistogramData().getPoints())
        .extracting(
            point -> point.getAttributes().get(stringKey("agentmetrics.phase.name")),
            point -> point.getAttributes().get(stringKey("agentmetrics.phase.category")))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("initialization", "initialization"),
            org.assertj.core.groups.Tuple.tuple("plan", "llm_processing"),
            org.assertj.core.groups.Tuple.tuple("search", "tool_execution"),
            org.assertj.core.groups.Tuple.tuple("fetch_orders", "database_query"),
            org.assertj.core.groups.Tuple.tuple("notify_a", "other"),
            org.assertj.core.groups.Tuple.tuple("notify_b", "other"));
  }

  @Test
  void failedExecutionIsCountedWithItsErrorType() {
    bridge.onExecutionCompleted(
        Executions.workflow().outcome(ExecutionOutcome.failed("timeout", "too slow")).build());

    Map<String, MetricData> metrics = otel.metricsByName();
    assertThat(
            singlePoint(metrics.get("gen_ai.invoke_agent.duration"))
                .getAttributes()
                .get(stringKey("error.type")))
        .isEqualTo("timeout");
  }

  @Test
  void tenThousandDistinctPhaseNamesStayWithinTheConfiguredSeriesLimit() {
    OpenTelemetryBridge capped =
        new OpenTelemetryBridge(
            otel.openTelemetry(), OpenTelemetryBridgeConfig.builder().maxPhaseNames(20).build());
    for (int i = 0; i < 10_000; i++) {
      PhaseCategory category = i % 2 == 0 ? PhaseCategory.DATABASE_QUERY : null;
      capped.onExecutionCompleted(
          Executions.execution()
              .executionId(new UUID(0, i))
              .phase(PhaseRecord.ROOT, "query-" + i, category, 0, 1, Map.of())
              .build());
    }

    List<String> names =
        otel
            .metricsByName()
            .get("agentmetrics.phase.duration")
            .getHistogramData()
            .getPoints()
            .stream()
            .map(point -> point.getAttributes().get(stringKey("agentmetrics.phase.name")))
            .toList();
    assertThat(names).hasSize(22).contains("database_query", "other");
    assertThat(names.stream().filter(name -> name.startsWith("query-"))).hasSize(20);
  }

  @Test
  void freeFormAgentNamesAreCappedToo() {
    OpenTelemetryBridge capped =
        new OpenTelemetryBridge(
            otel.openTelemetry(),
            OpenTelemetryBridgeConfig.builder().maxAttributeValues(3).build());
    for (int i = 0; i < 100; i++) {
      capped.onExecutionCompleted(Executions.execution().agentName("agent-" + i).build());
    }

    assertThat(
            otel.metricsByName().get("gen_ai.invoke_agent.duration").getHistogramData().getPoints())
        .extracting(point -> point.getAttributes().get(stringKey("gen_ai.agent.name")))
        .containsExactlyInAnyOrder("agent-0", "agent-1", "agent-2", "_OTHER");
  }

  @Test
  void samplingRatioExportsASubsetOfTracesButCountsEveryExecution() {
    OpenTelemetryBridge sampled =
        new OpenTelemetryBridge(
            otel.openTelemetry(),
            OpenTelemetryBridgeConfig.builder().traceSamplingRatio(0.25).build());
    int executions = 2_000;
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < executions; i++) {
      sampled.onExecutionCompleted(
          Executions.execution()
              .executionId(new UUID(random.nextLong(), random.nextLong()))
              .build());
    }

    long traces = otel.spans().size();
    assertThat(traces).isBetween(400L, 600L);
    assertThat(singlePoint(otel.metricsByName().get("gen_ai.invoke_agent.duration")).getCount())
        .isEqualTo(executions);
  }

  @Test
  void samplingDecisionIsTheSameForTheSameExecution() {
    OpenTelemetryBridge sampled =
        new OpenTelemetryBridge(
            otel.openTelemetry(),
            OpenTelemetryBridgeConfig.builder().traceSamplingRatio(0.5).build());
    CompletedExecution execution = Executions.execution().build();
    for (int i = 0; i < 10; i++) {
      sampled.onExecutionCompleted(execution);
    }

    assertThat(otel.spans().size()).isIn(0, 10);
  }

  @Test
  void zeroSamplingRatioExportsNoSpansButAllMetrics() {
    OpenTelemetryBridge untraced =
        new OpenTelemetryBridge(
            otel.openTelemetry(),
            OpenTelemetryBridgeConfig.builder().traceSamplingRatio(0.0).build());

    untraced.onExecutionCompleted(Executions.workflow().build());

    assertThat(untraced.isEnabled()).isTrue();
    assertThat(otel.spans()).isEmpty();
    assertThat(otel.metricsByName()).containsKey("gen_ai.invoke_agent.duration");
  }

  private static HistogramPointData singlePoint(MetricData metric) {
    assertThat(metric).isNotNull();
    return metric.getHistogramData().getPoints().iterator().next();
  }

  private static long millis(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }
}
