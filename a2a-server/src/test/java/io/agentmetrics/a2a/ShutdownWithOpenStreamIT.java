package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Stopping the server while a streamed turn runs, on the real server with the simulated LLM and a
 * real HTTP client: the stream ends at once with a final failed status that says why, and the stop
 * does not wait out the grace period for it. Before the fix the stop took twice the grace period
 * (60.2 s of 30 s) and the client saw the connection closed without a final event.
 */
class ShutdownWithOpenStreamIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration GRACE = Duration.ofSeconds(30);
  private static final String STOPPED = "The server stopped before answering.";

  @Test
  void anA2a03StreamEndsWithAFinalFailedStatusAndDoesNotHoldTheStop() throws Exception {
    JsonNode last =
        stopWhileStreaming(
            "/",
            "{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"message/stream\",\"params\":"
                + "{\"message\":"
                + JsonRpcProtocolIT.message("Plan my week")
                + "}}",
            event -> event.path("result").path("status"),
            "working");

    assertThat(last.path("result").path("final").asBoolean()).isTrue();
    JsonNode status = last.path("result").path("status");
    assertThat(status.path("state").asText()).isEqualTo("failed");
    assertThat(status.path("message").path("parts").get(0).path("text").asText())
        .isEqualTo(STOPPED);
  }

  @Test
  void anA2a10StreamEndsWithAFailedStatusAndDoesNotHoldTheStop() throws Exception {
    JsonNode last =
        stopWhileStreaming(
            "/message:stream",
            A2aV1WireFormatIT.sendMessage("shutdown"),
            event -> event.path("statusUpdate").path("status"),
            "TASK_STATE_WORKING",
            "A2A-Version",
            "1.0");

    JsonNode status = last.path("statusUpdate").path("status");
    assertThat(status.path("state").asText()).isEqualTo("TASK_STATE_FAILED");
    assertThat(status.path("message").path("parts").get(0).path("text").asText())
        .isEqualTo(STOPPED);
  }

  /**
   * Opens a stream on a turn that would take five minutes, waits until {@code status} shows it
   * {@code working}, and stops the server; asserts that the stop took less than a third of the
   * grace period and that the stream ended rather than being cut; returns its last event.
   */
  private static JsonNode stopWhileStreaming(
      String path, String body, UnaryOperator<JsonNode> status, String working, String... headers)
      throws Exception {
    TestServer server =
        TestServer.start(c -> c.simulatedLlmLatency(Duration.ofMinutes(5)).shutdownGrace(GRACE));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    List<JsonNode> events = new CopyOnWriteArrayList<>();
    CompletableFuture<String> end = CompletableFuture.supplyAsync(() -> read(response, events));
    await("the turn working")
        .atMost(Duration.ofSeconds(60))
        .until(() -> events.stream().anyMatch(e -> working.equals(state(status.apply(e)))));

    long start = System.nanoTime();
    server.close();
    Duration stop = Duration.ofNanos(System.nanoTime() - start);

    String howItEnded = end.get(60, TimeUnit.SECONDS);
    assertThat(stop)
        .as("the stop took %s; the stream ended with %s after %s", stop, howItEnded, events)
        .isLessThan(GRACE.dividedBy(3));
    assertThat(howItEnded).isEqualTo("end of stream");
    return events.get(events.size() - 1);
  }

  /** Reads the events into {@code events}; how the body ended: its end, or the error. */
  private static String read(HttpResponse<InputStream> response, List<JsonNode> events) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("data: ")) {
          events.add(JSON.readTree(line.substring("data: ".length())));
        }
      }
      return "end of stream";
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static String state(JsonNode status) {
    return status.path("state").asText();
  }
}
