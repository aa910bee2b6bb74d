package io.agentmetrics.supervisor.otel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.testing.BackendProcess;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exports a multi-phase workflow through the OpenTelemetry SDK's Zipkin exporter into a real Zipkin
 * server, started from its exec jar as a separate process, and reads the trace back over Zipkin's
 * HTTP API.
 */
class ZipkinExportIT {

  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);

  private static final ObjectMapper json = new ObjectMapper();

  private static BackendProcess zipkin;
  private static URI zipkinUri;

  @BeforeAll
  static void startZipkin() throws Exception {
    Path jar = Paths.get(System.getProperty("zipkin.jar", "target/zipkin/zipkin-server.jar"));
    assertThat(jar).as("the Zipkin exec jar copied by the build").isRegularFile();
    int port = BackendProcess.freePort();
    zipkinUri = URI.create("http://127.0.0.1:" + port);
    zipkin =
        BackendProcess.start(
            "Zipkin",
            List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m",
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                jar.toString()),
            Map.of("QUERY_PORT", Integer.toString(port), "STORAGE_TYPE", "mem"),
            jar.resolveSibling("zipkin-" + port + ".log"),
            zipkinUri.resolve("/health"),
            STARTUP_TIMEOUT);
  }

  @AfterAll
  static void stopZipkin() {
    if (zipkin != null) {
      zipkin.close();
    }
  }

  @Test
  void workflowArrivesInZipkinAsAGenAiSpanTree() throws Exception {
    String traceId = export(Executions.workflow().build());

    JsonNode trace = awaitTrace(traceId, spans -> spans.size() == 7);

    Map<String, JsonNode> byName = byName(trace);
    System.out.println("Zipkin trace " + traceId + ": " + json.writeValueAsString(trace));
    assertThat(byName)
        .containsOnlyKeys(
            "invoke_agent supervisor",
            "initialization",
            "chat gemini-2.5-flash",
            "execute_tool web_search",
            "fetch_orders",
            "notify_a",
            "notify_b");
    JsonNode agent = byName.get("invoke_agent supervisor");
    String agentId = agent.get("id").asText();
    assertThat(agent.has("parentId")).isFalse();
    assertThat(agent.get("localEndpoint").get("serviceName").asText()).isEqualTo("agentmetrics-it");
    assertThat(agent.get("tags").get("gen_ai.operation.name").asText()).isEqualTo("invoke_agent");
    assertThat(agent.get("tags").get("gen_ai.agent.name").asText()).isEqualTo("supervisor");
    assertThat(agent.get("tags").get("gen_ai.conversation.id").asText()).isEqualTo("ctx-42");
    assertThat(agent.get("tags").get("gen_ai.usage.input_tokens").asText()).isEqualTo("1200");
    assertThat(agent.get("timestamp").asLong()).isEqualTo(micros(Executions.START));
    assertThat(agent.get("duration").asLong()).isEqualTo(1_000_000L);

    for (String child :
        List.of(
            "initialization",
            "chat gemini-2.5-flash",
            "execute_tool web_search",
            "notify_a",
            "notify_b")) {
      assertThat(byName.get(child).get("parentId").asText()).as(child).isEqualTo(agentId);
    }
    assertThat(byName.get("fetch_orders").get("parentId").asText())
        .isEqualTo(byName.get("execute_tool web_search").get("id").asText());

    JsonNode chat = byName.get("chat gemini-2.5-flash");
    assertThat(chat.get("kind").asText()).isEqualTo("CLIENT");
    assertThat(chat.get("tags").get("gen_ai.provider.name").asText()).isEqualTo("gcp.gemini");
    assertThat(chat.get("tags").get("gen_ai.request.model").asText()).isEqualTo("gemini-2.5-flash");
    assertThat(chat.get("tags").get("gen_ai.usage.input_tokens").asText()).isEqualTo("1200");
    assertThat(chat.get("tags").get("gen_ai.usage.output_tokens").asText()).isEqualTo("80");
    assertThat(chat.get("timestamp").asLong()).isEqualTo(micros(Executions.START) + 50_000);
    assertThat(chat.get("duration").asLong()).isEqualTo(300_000L);
    assertThat(byName.get("execute_tool web_search").get("tags").get("gen_ai.tool.name").asText())
        .isEqualTo("web_search");
  }

  @Test
  void aStreamedPricedCallArrivesWithStreamingFirstChunkUsageAndCost() throws Exception {
    String traceId = export(GenAiConventionsTableTest.agentExecution());

    Map<String, JsonNode> byName = byName(awaitTrace(traceId, spans -> spans.size() == 3));

    assertThat(byName)
        .containsOnlyKeys(
            "invoke_agent study-agent", "chat gpt-4o-mini", "execute_tool lookup_notes");
    JsonNode chat = byName.get("chat gpt-4o-mini").get("tags");
    assertThat(chat.get("gen_ai.provider.name").asText()).isEqualTo("openai");
    assertThat(chat.get("gen_ai.response.model").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(chat.get("gen_ai.request.stream").asText()).isEqualTo("true");
    assertThat(chat.get("gen_ai.response.time_to_first_chunk").asDouble()).isEqualTo(0.3);
    assertThat(chat.get("agentmetrics.usage.cost_usd").asDouble()).isEqualTo(0.0001794);
    JsonNode agent = byName.get("invoke_agent study-agent").get("tags");
    assertThat(agent.get("gen_ai.usage.output_tokens").asText()).isEqualTo("96");
    assertThat(agent.has("gen_ai.agent.id")).isFalse();
  }

  // The OpenTelemetry Zipkin exporter is deprecated (the specification moved Zipkin to OTLP) and
  // is no longer published from 1.65.0; with 1.63.0 it is still the direct path into a plain
  // Zipkin server, which is what this test proves. Production setups should export OTLP.
  @SuppressWarnings("deprecation")
  private static String export(CompletedExecution execution) {
    InMemorySpanExporter local = InMemorySpanExporter.create();
    try (OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .setResource(
                        Resource.getDefault().toBuilder()
                            .put(AttributeKey.stringKey("service.name"), "agentmetrics-it")
                            .build())
                    .addSpanProcessor(
                        SimpleSpanProcessor.create(
                            ZipkinSpanExporter.builder()
                                .setEndpoint(zipkinUri.resolve("/api/v2/spans").toString())
                                .build()))
                    .addSpanProcessor(SimpleSpanProcessor.create(local))
                    .build())
            .build()) {
      new OpenTelemetryBridge(sdk).onExecutionCompleted(execution);
      assertThat(sdk.getSdkTracerProvider().forceFlush().join(30, TimeUnit.SECONDS).isSuccess())
          .isTrue();
      // Read before closing the SDK: shutting the in-memory exporter down clears it.
      return local.getFinishedSpanItems().get(0).getTraceId();
    }
  }

  private static Map<String, JsonNode> byName(JsonNode trace) {
    Map<String, JsonNode> byName = new HashMap<>();
    trace.forEach(span -> byName.put(span.get("name").asText(), span));
    return byName;
  }

  private static JsonNode awaitTrace(String traceId, Predicate<JsonNode> complete)
      throws IOException, InterruptedException {
    return json.readTree(
        zipkin.awaitBody(
            zipkinUri.resolve("/api/v2/trace/" + traceId),
            body -> complete.test(readTree(body)),
            QUERY_TIMEOUT));
  }

  private static JsonNode readTree(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long micros(Instant instant) {
    return TimeUnit.SECONDS.toMicros(instant.getEpochSecond())
        + TimeUnit.NANOSECONDS.toMicros(instant.getNano());
  }
}
