package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shaded jar: {@code serve} logs its URL, traces to stdout, and exits 0 on SIGTERM. */
class ServeCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void serveLogsItsUrlTracesRequestsToStdoutAndExitsZeroOnSigterm() throws Exception {
    try (ServerProcess server =
        ServerProcess.start(Map.of("A2A_TRACE_LATENCY", "yes", "SIMULATED_LLM_LATENCY_MS", "0"))) {
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> status =
          http.send(
              HttpRequest.newBuilder(server.url()).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> send =
          http.send(
              HttpRequest.newBuilder(server.url().resolve("/tasks/send"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          JsonRpcProtocolIT.send("\"cli-1\"", "Hi")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String traceLine = server.awaitLine("tasks_send_latency");

      assertThat(server.terminate()).isZero();
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(send.statusCode()).isEqualTo(200);
      JsonNode trace = JSON.readTree(traceLine);
      assertThat(trace.path("request_id").asText()).isEqualTo("cli-1");
      assertThat(trace.path("timings_ms").path("total").isNumber()).isTrue();
      assertThat(server.lines).anyMatch(line -> line.contains("agent_processing_detail"));
    }
  }

  @Test
  void anUnrecognisedTraceFlagStopsStartUpWithAUsageErrorNamingTheVariable() throws Exception {
    try (ServerProcess server =
        ServerProcess.launch(List.of(), Map.of("A2A_TRACE_LATENCY", "maybe"))) {

      assertThat(server.awaitExit()).isEqualTo(2);
      assertThat(server.lines)
          .contains("A2A_TRACE_LATENCY must be true or false (or 1/0, yes/no), got \"maybe\"")
          .anyMatch(line -> line.startsWith("Usage: a2a-server serve"))
          .noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "))
          .noneMatch(line -> line.contains("A2A server ready"));
    }
  }

  @Test
  void aBadLlmSettingStopsStartUpWithAUsageErrorNamingTheVariable() throws Exception {
    try (ServerProcess server = ServerProcess.launch(List.of(), Map.of("LLM_PROVIDER", "gemini"))) {

      assertThat(server.awaitExit()).isEqualTo(2);
      assertThat(server.lines)
          .anyMatch(line -> line.startsWith("LLM_PROVIDER=gemini needs GEMINI_API_KEY"))
          .anyMatch(line -> line.startsWith("Usage: a2a-server serve"))
          .noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "))
          .noneMatch(line -> line.contains("A2A server ready"));
    }
  }
}
