package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each memory limit of the server, against the shaded jar with small limits set through the
 * environment: the JSON token count, the budget of request bytes in flight (503 with {@code
 * Retry-After}, released on disconnects and errors), the task and conversation stores bounded by
 * weight, and the history kept per task.
 */
class MemoryLimitsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static final int MIB = 1024 * 1024;
  private static final int IN_FLIGHT_BYTES = 3 * MIB;
  private static final int TASK_STORE_BYTES = 8 * MIB;
  private static final int CONTEXT_STORE_BYTES = MIB;
  private static final int TASK_HISTORY = 4;
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static ServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    server =
        ServerProcess.start(
            Map.of(
                "SIMULATED_LLM_LATENCY_MS", "0",
                "A2A_MAX_INFLIGHT_BYTES", String.valueOf(IN_FLIGHT_BYTES),
                "A2A_TASK_STORE_BYTES", String.valueOf(TASK_STORE_BYTES),
                "A2A_CONTEXT_STORE_BYTES", String.valueOf(CONTEXT_STORE_BYTES),
                "A2A_MAX_TASK_HISTORY", String.valueOf(TASK_HISTORY)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aBodyWithMoreJsonTokensThanTheLimitIsRefused() throws Exception {
    StringBuilder data = new StringBuilder("[{}");
    for (int i = 1; i < 60_000; i++) {
      data.append(",{}");
    }
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":\"t1\",\"method\":\"message/send\",\"params\":{\"message\":"
            + "{\"role\":\"user\",\"messageId\":\"m\",\"parts\":[{\"kind\":\"text\",\"text\":\"hi\"},"
            + "{\"kind\":\"data\",\"data\":"
            + data.append(']')
            + "}]}}}";

    HttpResponse<String> response = post(body);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode error = JSON.readTree(response.body()).path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32600);
    assertThat(error.path("message").asText()).contains("A2A_MAX_JSON_TOKENS");
  }

  @Test
  void requestsBeyondTheBudgetGet503UntilAStalledClientDisconnects() throws Exception {
    String probe = JsonRpcProtocolIT.send("\"probe\"", "hi");
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < IN_FLIGHT_BYTES / MIB; i++) {
        stalled.add(stalledUpload(MIB));
      }
      HttpResponse<String> busy = await(probe, r -> r.statusCode() == 503);

      assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
      JsonNode error = JSON.readTree(busy.body());
      assertThat(error.path("jsonrpc").asText()).isEqualTo("2.0");
      assertThat(error.path("error").path("code").asInt()).isEqualTo(-32603);
      assertThat(error.path("error").path("message").asText()).contains("A2A_MAX_INFLIGHT_BYTES");

      stalled.remove(0).close();
      HttpResponse<String> served = await(probe, r -> r.statusCode() == 200);
      assertThat(JSON.readTree(served.body()).path("result").path("status").path("state").asText())
          .isEqualTo("completed");
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }

  @Test
  void requestsThatEndInAnErrorGiveTheirBytesBack() throws Exception {
    String pad = "\"pad\":[" + ("\"" + "x".repeat(998) + "\",").repeat(1_000) + "0]";
    List<String> failing =
        List.of(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope\"," + pad + "}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tasks/get\",\"params\":{\"id\":7},"
                + pad
                + "}",
            "{\"jsonrpc\":\"2.0\",\"id\":3," + pad,
            "[{" + pad + "}]");

    for (int round = 0; round < 2 * IN_FLIGHT_BYTES / MIB; round++) {
      for (String body : failing) {
        HttpResponse<String> response = post(body);
        assertThat(response.statusCode()).as("round %d", round).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asInt()).isNegative();
      }
    }

    assertThat(post(JsonRpcProtocolIT.send("\"ok\"", "hi")).statusCode()).isEqualTo(200);
  }

  @Test
  void theTaskStoreIsBoundedByWeightNotOnlyByCount() throws Exception {
    String first = taskId(post(sendOfAbout(MIB - 2_000, null)));
    for (int i = 1; i < 2 * TASK_STORE_BYTES / MIB; i++) {
      assertThat(post(sendOfAbout(MIB - 2_000, null)).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> evicted =
        post(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tasks/get\",\"params\":{\"id\":\""
                + first
                + "\"}}");
    assertThat(JSON.readTree(evicted.body()).path("error").path("code").asInt()).isEqualTo(-32001);
    JsonNode tasks = stores().path("tasks");
    assertThat(tasks.path("taskEvictions").asLong()).isPositive();
    assertThat(tasks.path("bytes").asLong()).isPositive().isLessThanOrEqualTo(TASK_STORE_BYTES);
  }

  @Test
  void theConversationStoreIsBoundedByWeightNotOnlyByCount() throws Exception {
    int question = 60_000;
    for (int i = 0; i < 2 * CONTEXT_STORE_BYTES / question + 1; i++) {
      assertThat(post(sendOfAbout(question, "ctx-" + i)).statusCode()).isEqualTo(200);
    }

    JsonNode contexts = stores().path("contexts");
    assertThat(contexts.path("evictions").asLong()).isPositive();
    assertThat(contexts.path("bytes").asLong())
        .isPositive()
        .isLessThanOrEqualTo(CONTEXT_STORE_BYTES);
  }

  @Test
  void aTaskKeepsOnlyItsNewestMessages() throws Exception {
    String task = taskId(post(JsonRpcProtocolIT.send("\"h0\"", "turn 0")));
    for (int turn = 1; turn < TASK_HISTORY; turn++) {
      HttpResponse<String> next =
          post(
              "{\"jsonrpc\":\"2.0\",\"id\":\"h\",\"method\":\"message/send\",\"params\":{\"message\":"
                  + "{\"role\":\"user\",\"messageId\":\"m"
                  + turn
                  + "\",\"taskId\":\""
                  + task
                  + "\",\"parts\":[{\"kind\":\"text\",\"text\":\"turn "
                  + turn
                  + "\"}]}}}");
      assertThat(JSON.readTree(next.body()).path("result").path("status").path("state").asText())
          .isEqualTo("completed");
    }

    JsonNode history =
        JSON.readTree(
                post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tasks/get\",\"params\":{\"id\":\""
                        + task
                        + "\"}}")
                    .body())
            .path("result")
            .path("history");
    assertThat(history.size()).isEqualTo(TASK_HISTORY);
    assertThat(history.get(TASK_HISTORY - 2).path("parts").get(0).path("text").asText())
        .isEqualTo("turn " + (TASK_HISTORY - 1));
  }

  /** A send of about {@code bytes} of text: a question, then text parts of 60,000 characters. */
  private static String sendOfAbout(int bytes, String contextId) {
    StringBuilder parts = new StringBuilder("[{\"kind\":\"text\",\"text\":\"");
    parts.append("q".repeat(Math.min(bytes, 60_000))).append("\"}");
    String text = "a".repeat(60_000);
    while (parts.length() + text.length() + 30 < bytes) {
      parts.append(",{\"kind\":\"text\",\"text\":\"").append(text).append("\"}");
    }
    return "{\"jsonrpc\":\"2.0\",\"id\":\"w\",\"method\":\"message/send\",\"params\":{\"message\":"
        + "{\"role\":\"user\",\"messageId\":\"m\","
        + (contextId == null ? "" : "\"contextId\":\"" + contextId + "\",")
        + "\"parts\":"
        + parts.append(']')
        + "}}}";
  }

  /** A connection that declared a body of {@code length} bytes and sent only its first bytes. */
  private static Socket stalledUpload(int length) throws Exception {
    URI url = server.url();
    Socket socket = new Socket(url.getHost(), url.getPort());
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST / HTTP/1.1\r\nHost: "
                + url.getAuthority()
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + length
                + "\r\n\r\n{\"jsonrpc\":\"2.0\"")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /** Posts {@code body} until the answer matches, within {@link #WAIT}. */
  private static HttpResponse<String> await(String body, Predicate<HttpResponse<String>> wanted)
      throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    HttpResponse<String> response = post(body);
    while (!wanted.test(response) && System.nanoTime() < deadline) {
      Thread.sleep(50); // polls the server's state; no time is being moved
      response = post(body);
    }
    assertThat(wanted.test(response)).as("last answer: %s %s", response, response.body()).isTrue();
    return response;
  }

  private static String taskId(HttpResponse<String> response) throws Exception {
    String id = JSON.readTree(response.body()).path("result").path("id").asText();
    assertThat(id).as(response.body()).isNotEmpty();
    return id;
  }

  private static JsonNode stores() throws Exception {
    HttpResponse<String> summary =
        HTTP.send(
            HttpRequest.newBuilder(server.url().resolve("metrics/summary")).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(summary.body()).path("stores");
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(server.url())
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
