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
import org.junit.jupiter.api.Test;

/**
 * Stopping the server while a {@code message/stream} turn runs, on the real server with the
 * simulated LLM and a real HTTP client: the stream ends at once with a final failed status that
 * says why, and the stop does not wait out the grace period for it.
 */
class ShutdownWithOpenStreamIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration GRACE = Duration.ofSeconds(30);

  @Test
  void anOpenStreamEndsWithAFinalFailedStatusAndDoesNotHoldTheStop() throws Exception {
    // The turn would take five minutes, far longer than the grace period.
    TestServer server =
        TestServer.start(c -> c.simulatedLlmLatency(Duration.ofMinutes(5)).shutdownGrace(GRACE));
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest stream =
        HttpRequest.newBuilder(server.uri("/"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"message/stream\",\"params\":"
                        + "{\"message\":"
                        + JsonRpcProtocolIT.message("Plan my week")
                        + "}}"))
            .build();
    HttpResponse<InputStream> response =
        client.send(stream, HttpResponse.BodyHandlers.ofInputStream());
    List<JsonNode> events = new CopyOnWriteArrayList<>();
    CompletableFuture<String> end = CompletableFuture.supplyAsync(() -> read(response, events));
    await("the turn working")
        .atMost(Duration.ofSeconds(60))
        .until(() -> events.stream().anyMatch(e -> "working".equals(state(e))));

    long start = System.nanoTime();
    server.close();
    Duration stop = Duration.ofNanos(System.nanoTime() - start);

    String howItEnded = end.get(60, TimeUnit.SECONDS);
    assertThat(stop)
        .as("the stop took %s; the stream ended with %s after %s", stop, howItEnded, events)
        .isLessThan(GRACE.dividedBy(3));
    assertThat(howItEnded).isEqualTo("end of stream");
    JsonNode last = events.get(events.size() - 1).path("result");
    assertThat(last.path("final").asBoolean()).isTrue();
    assertThat(state(events.get(events.size() - 1))).isEqualTo("failed");
    assertThat(last.path("status").path("message").path("parts").get(0).path("text").asText())
        .isEqualTo("The server stopped before answering.");
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

  private static String state(JsonNode event) {
    JsonNode result = event.path("result");
    JsonNode status = result.has("status") ? result.path("status") : result;
    return status.path("state").asText();
  }
}
