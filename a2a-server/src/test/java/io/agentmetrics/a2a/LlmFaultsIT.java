package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.util.Modules;
import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.LlmClients;
import io.agentmetrics.agent.testing.ProviderScripts;
import io.agentmetrics.agent.testing.ScriptedLlmServer;
import io.agentmetrics.agent.testing.ScriptedLlmServer.Reply;
import io.agentmetrics.api.testing.BackendProcess;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model backend fails in each way a real one does (down, slow, 5xx, 429, a stream cut in the
 * middle), through the real Gemini client against a scripted server. Every request ends within the
 * configured deadline as a {@code failed} task that says why; the failure is on the agent's span;
 * the server still answers; and no thread is left behind.
 */
class LlmFaultsIT {

  private static final String API_KEY = "fault-test-key-0123456789";
  private static final int ATTEMPTS = 2;
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static List<Arguments> faults() {
    String partial = ProviderScripts.sse(ProviderScripts.geminiChunk("The first half", null, 0, 0));
    return List.of(
        Arguments.of("down", (Supplier<Reply>) () -> null, "could not reach gemini"),
        Arguments.of(
            "slow",
            (Supplier<Reply>) () -> Reply.eventStream().stall(),
            "no response headers within 1 s"),
        Arguments.of("5xx", (Supplier<Reply>) () -> Reply.status(503), "(HTTP 503)"),
        Arguments.of(
            "429",
            (Supplier<Reply>)
                () ->
                    Reply.json(
                        429,
                        ProviderScripts.googleError(
                            429, "RESOURCE_EXHAUSTED", "Quota exceeded", "[]")),
            "rate limit exceeded (HTTP 429)"),
        Arguments.of(
            "cut stream",
            (Supplier<Reply>) () -> Reply.eventStream().chunk(partial).cut(),
            "stream broke off"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void aFailingModelEndsTheTaskFailedWithTheReasonWithinTheDeadline(
      String fault, Supplier<Reply> reply, String reason) throws Exception {
    int threadsBefore = liveThreads();
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    try (ScriptedLlmServer scripted = ScriptedLlmServer.start();
        OpenTelemetrySdk sdk =
            OpenTelemetrySdk.builder()
                .setTracerProvider(
                    SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .build()) {
      URI backend =
          reply.get() == null
              ? URI.create("http://127.0.0.1:" + BackendProcess.freePort())
              : scripted.baseUri();
      for (int i = 0; i < ATTEMPTS * 2; i++) {
        Reply next = reply.get();
        if (next != null) {
          scripted.enqueue(next);
        }
      }
      LlmClient llm =
          LlmClients.fromEnvironment(
              Map.of(
                  "LLM_PROVIDER", "gemini",
                  "GEMINI_API_KEY", API_KEY,
                  "GEMINI_BASE_URL", backend.toString(),
                  "LLM_TIMEOUT_MS", Long.toString(TIMEOUT.toMillis()),
                  "LLM_MAX_ATTEMPTS", Integer.toString(ATTEMPTS)));
      try (A2aServer server =
          A2aServer.start(
              Modules.override(new A2aServerModule(ServerConfig.builder().port(0).build()))
                  .with(
                      binder -> {
                        binder.bind(LlmClient.class).toInstance(llm);
                        binder.bind(OpenTelemetry.class).toInstance(sdk);
                      }))) {
        HttpResponse<String> response =
            HTTP.send(
                HttpRequest.newBuilder(server.baseUri().resolve("/"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            JsonRpcProtocolIT.send("\"f1\"", "Explain osmosis")))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode status = JSON.readTree(response.body()).path("result").path("status");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(status.path("state").asText()).as(response.body()).isEqualTo("failed");
        String text = status.path("message").path("parts").get(0).path("text").asText();
        assertThat(text).as(fault).containsIgnoringCase(reason).doesNotContain(API_KEY);

        SpanData agent =
            spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("invoke_agent study-agent"))
                .findFirst()
                .orElseThrow();
        assertThat(agent.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(agent.getAttributes().get(AttributeKey.stringKey("error.type"))).isNotBlank();
      }
    }
    // Threads wind down asynchronously after close.
    await("live threads after the server stopped, at most " + (threadsBefore + 2))
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(LlmFaultsIT::liveThreads, live -> live <= threadsBefore + 2);
  }

  /**
   * Live threads, except the JDK HttpClient's: those of a client end only once it is garbage
   * collected (it has no close() before Java 21), so they say nothing about a leak in the server.
   */
  private static int liveThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> !thread.getName().startsWith("HttpClient-"))
            .count();
  }
}
