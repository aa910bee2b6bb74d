package io.agentmetrics.supervisor.otel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.api.CompletedExecution;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper json = new ObjectMapper();

  private static Process zipkin;
  private static URI zipkinUri;

  @BeforeAll
  static void startZipkin() throws Exception {
    Path jar = Paths.get(System.getProperty("zipkin.jar", "target/zipkin/zipkin-server.jar"));
    assertThat(jar).as("the Zipkin exec jar copied by the build").isRegularFile();
    int port = freePort();
    Path log = jar.resolveSibling("zipkin-" + port + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m",
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("QUERY_PORT", Integer.toString(port));
    builder.environment().put("STORAGE_TYPE", "mem");
    zipkin = builder.start();
    zipkinUri = URI.create("http://127.0.0.1:" + port);
    awaitHealthy(log);
  }

  @AfterAll
  static void stopZipkin() throws InterruptedException {
    if (zipkin == null) {
      return;
    }
    zipkin.descendants().forEach(ProcessHandle::destroy);
    zipkin.destroy();
    if (!zipkin.waitFor(20, TimeUnit.SECONDS)) {
      zipkin.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }
  }

  // The OpenTelemetry Zipkin exporter is deprecated (the specification moved Zipkin to OTLP) and
  // is no longer published from 1.65.0; with 1.63.0 it is still the direct path into a plain
  // Zipkin server, which is what this test proves. Production setups should export OTLP.
  @SuppressWarnings("deprecation")
  @Test
  void workflowArrivesInZipkinAsAGenAiSpanTree() throws Exception {
    InMemorySpanExporter local = InMemorySpanExporter.create();
    CompletedExecution execution = Executions.workflow().build();
    String traceId;
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
      traceId = local.getFinishedSpanItems().get(0).getTraceId();
    }

    JsonNode trace = awaitTrace(traceId, spans -> spans.size() == 7);

    Map<String, JsonNode> byName = new HashMap<>();
    trace.forEach(span -> byName.put(span.get("name").asText(), span));
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

  private static JsonNode awaitTrace(String traceId, Predicate<JsonNode> complete)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(zipkinUri.resolve("/api/v2/trace/" + traceId))
            .timeout(Duration.ofSeconds(10))
            .build();
    Instant deadline = Instant.now().plus(QUERY_TIMEOUT);
    while (true) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        JsonNode spans = json.readTree(response.body());
        if (complete.test(spans)) {
          return spans;
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "trace "
                + traceId
                + " did not arrive complete within "
                + QUERY_TIMEOUT
                + "; last answer "
                + response.statusCode()
                + ": "
                + response.body());
      }
      // Polling an external process: there is nothing to await but its answer.
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
  }

  private static void awaitHealthy(Path log) throws IOException, InterruptedException {
    HttpRequest health =
        HttpRequest.newBuilder(zipkinUri.resolve("/health")).timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (true) {
      if (!zipkin.isAlive()) {
        throw new AssertionError(
            "Zipkin exited with " + zipkin.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // Zipkin is still starting.
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "Zipkin was not healthy within " + STARTUP_TIMEOUT + ":\n" + Files.readString(log));
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static long micros(Instant instant) {
    return TimeUnit.SECONDS.toMicros(instant.getEpochSecond())
        + TimeUnit.NANOSECONDS.toMicros(instant.getNano());
  }
}
