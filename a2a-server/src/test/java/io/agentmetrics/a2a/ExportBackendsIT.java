package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.api.testing.BackendProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar exports to real backends configured with nothing but the standard {@code OTEL_*}
 * variables: traces to a Zipkin server, metrics to a Prometheus server that scrapes the server's
 * Prometheus endpoint. Both backends run as real processes.
 */
class ExportBackendsIT {

  private static final String TRACE_ID = "5bf92f3577b34da6a3ce929d0e0e4737";
  private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  private static final Duration STARTUP = Duration.ofMinutes(3);
  private static final Duration ARRIVAL = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void tracesFlushedOnSigtermArriveInZipkinWithTheAgentsGenAiSpansUnderTheHttpSpan()
      throws Exception {
    Path jar = Path.of(System.getProperty("zipkin.jar", "target/zipkin/zipkin-server.jar"));
    assertThat(jar).as("the Zipkin exec jar copied by the build").isRegularFile();
    int zipkinPort = BackendProcess.freePort();
    URI zipkinUri = URI.create("http://127.0.0.1:" + zipkinPort);
    try (BackendProcess zipkin =
        BackendProcess.start(
            "Zipkin",
            List.of(java(), "-Xmx256m", "-jar", jar.toString()),
            Map.of("QUERY_PORT", Integer.toString(zipkinPort), "STORAGE_TYPE", "mem"),
            dir.resolve("zipkin.log"),
            zipkinUri.resolve("/health"),
            STARTUP)) {
      try (ServerProcess server =
          ServerProcess.start(
              Map.of(
                  "SIMULATED_LLM_LATENCY_MS", "0",
                  "OTEL_TRACES_EXPORTER", "zipkin",
                  "OTEL_EXPORTER_ZIPKIN_ENDPOINT", zipkinUri + "/api/v2/spans",
                  // Only the shutdown flush can deliver the spans within the test.
                  "OTEL_BSP_SCHEDULE_DELAY", "600000"))) {
        assertThat(send(server, "/tasks/send").statusCode()).isEqualTo(200);
        assertThat(server.terminate()).isZero();
      }

      JsonNode trace =
          JSON.readTree(
              zipkin.awaitBody(
                  zipkinUri.resolve("/api/v2/trace/" + TRACE_ID),
                  body -> readTree(body).size() >= 4,
                  ARRIVAL));
      Map<String, JsonNode> byName = new HashMap<>();
      trace.forEach(span -> byName.put(span.path("name").asText().toLowerCase(Locale.ROOT), span));

      JsonNode http = byName.get("post /tasks/send");
      JsonNode agent = byName.get("invoke_agent study-agent");
      JsonNode chat = byName.get("chat simulated-study-planner");
      assertThat(http).as("spans: %s", byName.keySet()).isNotNull();
      assertThat(agent).as("spans: %s", byName.keySet()).isNotNull();
      assertThat(chat).as("spans: %s", byName.keySet()).isNotNull();
      assertThat(http.path("kind").asText()).isEqualTo("SERVER");
      assertThat(http.path("localEndpoint").path("serviceName").asText())
          .isEqualTo("agentmetrics-a2a-server");
      assertThat(agent.path("parentId").asText()).isEqualTo(http.path("id").asText());
      assertThat(agent.path("tags").path("gen_ai.operation.name").asText())
          .isEqualTo("invoke_agent");
      assertThat(chat.path("kind").asText()).isEqualTo("CLIENT");
      assertThat(chat.path("tags").path("gen_ai.request.model").asText())
          .isEqualTo("simulated-study-planner");
      assertThat(chat.path("tags").path("gen_ai.request.stream").asText()).isEqualTo("true");
      assertThat(chat.path("tags").path("gen_ai.response.time_to_first_chunk").asDouble())
          .isGreaterThanOrEqualTo(0.0);
      assertThat(chat.path("tags").path("gen_ai.usage.output_tokens").asLong()).isPositive();
      assertThat(agent.path("tags").path("gen_ai.usage.output_tokens").asText())
          .isEqualTo(chat.path("tags").path("gen_ai.usage.output_tokens").asText());
    }
  }

  @Test
  void prometheusScrapesTheServersGenAiMetrics() throws Exception {
    assumeTrue(
        Files.isExecutable(PROMETHEUS),
        "SKIPPED: no Prometheus server at "
            + PROMETHEUS
            + "; install it: apt-get install prometheus");
    int exporterPort = BackendProcess.freePort();
    try (ServerProcess server =
        ServerProcess.start(
            Map.of(
                "SIMULATED_LLM_LATENCY_MS", "0",
                // Price the simulated model, which is free by default, to see cost flow.
                "LLM_PRICES", "simulated-study-planner=0.15:0.60",
                "OTEL_METRICS_EXPORTER", "prometheus",
                "OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1",
                "OTEL_EXPORTER_PROMETHEUS_PORT", Integer.toString(exporterPort)))) {
      for (int i = 0; i < 3; i++) {
        assertThat(send(server, "/").statusCode()).isEqualTo(200);
      }
      Path config = dir.resolve("prometheus.yml");
      Files.writeString(
          config,
          """
          global:
            scrape_interval: 1s
          scrape_configs:
            - job_name: a2a-server
              static_configs:
                - targets: ["127.0.0.1:%d"]
          """
              .formatted(exporterPort));
      int prometheusPort = BackendProcess.freePort();
      URI prometheusUri = URI.create("http://127.0.0.1:" + prometheusPort);
      try (BackendProcess prometheus =
          BackendProcess.start(
              "Prometheus",
              List.of(
                  PROMETHEUS.toString(),
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + prometheusPort),
              Map.of(),
              dir.resolve("prometheus.log"),
              prometheusUri.resolve("/-/ready"),
              STARTUP)) {
        JsonNode invocations =
            JSON.readTree(
                prometheus.awaitBody(
                    query(prometheusUri, "gen_ai_invoke_agent_duration_seconds_count"),
                    body -> readTree(body).path("data").path("result").size() > 0,
                    ARRIVAL));
        JsonNode names =
            JSON.readTree(
                prometheus.awaitBody(
                    prometheusUri.resolve("/api/v1/label/__name__/values"), body -> true, ARRIVAL));

        JsonNode series = invocations.path("data").path("result").get(0);
        assertThat(series.path("metric").path("gen_ai_agent_name").asText())
            .isEqualTo("study-agent");
        assertThat(series.path("value").get(1).asDouble()).isEqualTo(3.0);
        List<String> metricNames = new ArrayList<>();
        names.path("data").forEach(name -> metricNames.add(name.asText()));
        assertThat(metricNames)
            .contains(
                "gen_ai_invoke_agent_duration_seconds_bucket",
                "gen_ai_client_inference_duration_seconds_bucket",
                "gen_ai_client_inference_time_to_first_chunk_seconds_bucket",
                "gen_ai_client_inference_time_per_output_chunk_seconds_bucket",
                "gen_ai_client_inference_usage_input_tokens_total",
                "gen_ai_client_inference_usage_output_tokens_total",
                "gen_ai_client_inference_operation_input_tokens_bucket",
                "gen_ai_client_inference_operation_output_tokens_bucket",
                "agentmetrics_gen_ai_client_inference_cost_total",
                "agentmetrics_gen_ai_invoke_agent_cost_bucket")
            .noneMatch(name -> name.startsWith("gen_ai_server_"));
        // The cost Prometheus holds is the tokens it holds at $0.15 and $0.60 per million.
        double input =
            scalar(prometheus, prometheusUri, "gen_ai_client_inference_usage_input_tokens_total");
        double output =
            scalar(prometheus, prometheusUri, "gen_ai_client_inference_usage_output_tokens_total");
        double cost =
            scalar(prometheus, prometheusUri, "agentmetrics_gen_ai_client_inference_cost_total");
        assertThat(input).isPositive();
        assertThat(cost).isCloseTo((input * 0.15 + output * 0.60) / 1e6, within(1e-12));
        assertThat(
                scalar(
                    prometheus,
                    prometheusUri,
                    "sum(gen_ai_client_inference_usage_output_tokens_total{gen_ai_token_modality=\"text\"})"))
            .isEqualTo(output);
      }
      assertThat(server.terminate()).isZero();
    }
  }

  private static HttpResponse<String> send(ServerProcess server, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(server.url().resolve(path))
            .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JsonRpcProtocolIT.send("\"x1\"", "Hi")))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The value of a PromQL query that sums to one series, once Prometheus has scraped it. */
  private static double scalar(BackendProcess prometheus, URI uri, String promql)
      throws IOException, InterruptedException {
    String expression = promql.startsWith("sum(") ? promql : "sum(" + promql + ")";
    JsonNode result =
        JSON.readTree(
                prometheus.awaitBody(
                    query(uri, expression),
                    body -> readTree(body).path("data").path("result").size() > 0,
                    ARRIVAL))
            .path("data")
            .path("result");
    return result.get(0).path("value").get(1).asDouble();
  }

  private static URI query(URI prometheus, String promql) {
    return prometheus.resolve(
        "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  private static JsonNode readTree(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
