package io.agentmetrics.supervisor;

import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.agentmetrics.agent.AgentExecutionContext;
import io.agentmetrics.agent.ExecutionResult;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.PhaseTimer;
import io.agentmetrics.api.TimingCollector;
import io.agentmetrics.api.testing.DocSnippets;
import io.agentmetrics.supervisor.otel.OpenTelemetryBridge;
import io.agentmetrics.supervisor.otel.OpenTelemetryBridgeConfig;
import io.agentmetrics.supervisor.otel.OpenTelemetryModule;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Java examples of docs/opentelemetry.md, compiled and run. */
class OpenTelemetryDocExamplesTest {

  private static final Path PAGE = Path.of("..", "docs", "opentelemetry.md");
  private static final Path SOURCE =
      Path.of("src/test/java/io/agentmetrics/supervisor/OpenTelemetryDocExamplesTest.java");
  private static final List<String> EXPORTER_PROPERTIES =
      List.of("otel.traces.exporter", "otel.metrics.exporter", "otel.logs.exporter");

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk openTelemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .build();

  @AfterEach
  void resetOpenTelemetry() {
    openTelemetry.close();
    EXPORTER_PROPERTIES.forEach(System::clearProperty);
    GlobalOpenTelemetry.resetForTest();
  }

  @Test
  void pageMatchesTheseExamples() {
    DocSnippets.assertPageMatches(PAGE, SOURCE);
  }

  @Test
  void autoconfiguredSdkEnablesTheBridge() {
    // The page's reader sets OTEL_* variables; the test keeps the SDK from exporting anywhere.
    EXPORTER_PROPERTIES.forEach(property -> System.setProperty(property, "none"));

    // snippet: bridge-autoconfigure
    OpenTelemetry openTelemetry = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
    OpenTelemetryBridge bridge =
        new OpenTelemetryBridge(
            openTelemetry,
            OpenTelemetryBridgeConfig.builder()
                .traceSamplingRatio(0.1) // trace one execution in ten; metrics count all of them
                .maxPhaseNames(50)
                .build());
    // end-snippet

    assertThat(bridge.isEnabled()).isTrue();
    ((OpenTelemetrySdk) openTelemetry).close();
  }

  @Test
  void guiceWiredWorkflowBecomesGenAiSpans() {
    // snippet: guice-wiring
    Injector injector =
        Guice.createInjector(
            new AgentMetricsModule(
                AgentMetricsConfig.builder()
                    .supervisor(
                        SupervisorConfig.builder().workflowExpiry(Duration.ofMinutes(5)).build())
                    .build()),
            new OpenTelemetryModule(
                OpenTelemetryBridgeConfig.builder().traceSamplingRatio(0.2).build()),
            binder -> binder.bind(OpenTelemetry.class).toInstance(openTelemetry));

    SupervisorObservability observability = injector.getInstance(SupervisorObservability.class);
    // end-snippet

    // One execution in five is traced: run workflows until one is (run ids are deterministic).
    for (int run = 0; spans.getFinishedSpanItems().isEmpty(); run++) {
      AgentExecutionContext context = AgentExecutionContext.of("run-" + run, "supervisor");
      observability.startWorkflowTrace(context);
      annotatedPhases(observability.collector(context.runId()).orElseThrow());
      observability.completeWorkflowTrace(context, ExecutionResult.success(Map.of()));
    }

    Map<String, SpanData> byName =
        spans.getFinishedSpanItems().stream()
            .collect(Collectors.toMap(SpanData::getName, Function.identity()));
    assertThat(byName)
        .containsOnlyKeys(
            "invoke_workflow supervisor", "chat gpt-4o-mini", "execute_tool web_search");
    // Priced with the default price of gpt-4o-mini: 812 x $0.15 / 1e6 + 96 x $0.60 / 1e6.
    assertThat(byName.get("chat gpt-4o-mini").getAttributes().asMap())
        .containsEntry(stringKey("gen_ai.provider.name"), "openai")
        .containsEntry(longKey("gen_ai.usage.input_tokens"), 812L)
        .containsEntry(longKey("gen_ai.usage.output_tokens"), 96L)
        .hasEntrySatisfying(
            doubleKey("agentmetrics.usage.cost_usd"),
            cost -> assertThat((Double) cost).isCloseTo(0.0001794, within(1e-12)));
  }

  private static void annotatedPhases(TimingCollector timing) {
    // snippet: llm-phase
    try (PhaseTimer llm = timing.measure("plan", MetricType.LLM_PROCESSING)) {
      llm.annotate(PhaseRecord.LLM_PROVIDER, "openai");
      llm.annotate(PhaseRecord.LLM_MODEL, "gpt-4o-mini");
      // ... call the model ...
      llm.annotate(PhaseRecord.LLM_INPUT_TOKENS, 812);
      llm.annotate(PhaseRecord.LLM_OUTPUT_TOKENS, 96);
    }
    try (PhaseTimer tool = timing.measure("search", MetricType.TOOL_EXECUTION)) {
      tool.annotate(PhaseRecord.TOOL_NAME, "web_search");
      // ... run the tool ...
    }
    // end-snippet
  }
}
