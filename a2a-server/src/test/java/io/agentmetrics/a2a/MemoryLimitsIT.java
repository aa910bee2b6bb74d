package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The memory limits of the server's parsing and stores, against the shaded jar with small limits
 * set through the environment: the JSON string length and token count, the task and conversation
 * stores bounded by weight, and the history kept per task. {@link InFlightBudgetIT} covers the
 * budget of requests in flight.
 */
class MemoryLimitsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MIB = 1024 * 1024;
  private static final int TASK_STORE_BYTES = 8 * MIB;
  private static final int CONTEXT_STORE_BYTES = MIB;
  private static final int TASK_HISTORY = 4;

  /** Above the text parts of {@link #sendOfAbout}, below the body limit. */
  private static final int MAX_STRING_LENGTH = 100_000;

  private static ServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    server =
        ServerProcess.start(
            Map.of(
                "SIMULATED_LLM_LATENCY_MS", "0",
                "A2A_MAX_STRING_LENGTH", String.valueOf(MAX_STRING_LENGTH),
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
  void aStringLongerThanTheLimitIsRefusedAsAnInvalidRequestAndOneAtTheLimitIsNot()
      throws Exception {
    HttpResponse<String> atTheLimit = post(sendWithMetadataOf(MAX_STRING_LENGTH));
    HttpResponse<String> overTheLimit = post(sendWithMetadataOf(MAX_STRING_LENGTH + 1));

    assertThat(
            JSON.readTree(atTheLimit.body()).path("result").path("status").path("state").asText())
        .as(atTheLimit.body())
        .isEqualTo("completed");
    assertThat(overTheLimit.statusCode()).isEqualTo(200);
    JsonNode error = JSON.readTree(overTheLimit.body()).path("error");
    assertThat(error.path("code").asInt()).as(overTheLimit.body()).isEqualTo(-32600);
    assertThat(error.path("message").asText()).contains("A2A_MAX_STRING_LENGTH");
    assertThat(server.lines).noneMatch(line -> line.contains("OutOfMemoryError"));
  }

  @Test
  void aStringLongerThanTheLimitIsRefusedOverA2a10AsOver03AndOneAtTheLimitIsNot() throws Exception {
    HttpResponse<String> rpcAtTheLimit = server.v1("POST", "/", v1RpcSendOf(MAX_STRING_LENGTH));
    HttpResponse<String> rpcOver = server.v1("POST", "/", v1RpcSendOf(MAX_STRING_LENGTH + 1));
    HttpResponse<String> restAtTheLimit =
        server.v1("POST", "/message:send", v1SendOf(MAX_STRING_LENGTH));
    HttpResponse<String> restOver =
        server.v1("POST", "/message:send", v1SendOf(MAX_STRING_LENGTH + 1));

    assertThat(JSON.readTree(rpcAtTheLimit.body()).path("result").path("task").path("id").asText())
        .as(rpcAtTheLimit.body())
        .isNotEmpty();
    assertThat(restAtTheLimit.statusCode()).as(restAtTheLimit.body()).isEqualTo(200);
    assertThat(rpcOver.statusCode()).isEqualTo(200);
    JsonNode rpcError = JSON.readTree(rpcOver.body()).path("error");
    assertThat(rpcError.path("code").asInt()).as(rpcOver.body()).isEqualTo(-32600);
    assertThat(rpcError.path("message").asText()).contains("A2A_MAX_STRING_LENGTH");
    assertThat(restOver.statusCode()).as(restOver.body()).isEqualTo(400);
    JsonNode restError = JSON.readTree(restOver.body()).path("error");
    assertThat(restError.path("status").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(restError.path("message").asText()).contains("A2A_MAX_STRING_LENGTH");
  }

  /** An A2A 1.0 send whose message metadata holds one string of {@code length} characters. */
  private static String v1SendOf(int length) {
    return "{\"message\":{\"role\":\"ROLE_USER\",\"messageId\":\"m\",\"parts\":[{\"text\":\"hi\"}],"
        + "\"metadata\":{\"note\":\""
        + "n".repeat(length)
        + "\"}}}";
  }

  /** {@link #v1SendOf} as an A2A 1.0 JSON-RPC {@code SendMessage}. */
  private static String v1RpcSendOf(int length) {
    return "{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"SendMessage\",\"params\":"
        + v1SendOf(length)
        + "}";
  }

  /** A send whose message metadata holds one string of {@code length} characters. */
  private static String sendWithMetadataOf(int length) {
    return "{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"message/send\",\"params\":{\"message\":"
        + "{\"role\":\"user\",\"messageId\":\"m\",\"parts\":[{\"kind\":\"text\",\"text\":\"hi\"}],"
        + "\"metadata\":{\"note\":\""
        + "n".repeat(length)
        + "\"}}}}";
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
  static String sendOfAbout(int bytes, String contextId) {
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

  private static String taskId(HttpResponse<String> response) throws Exception {
    String id = JSON.readTree(response.body()).path("result").path("id").asText();
    assertThat(id).as(response.body()).isNotEmpty();
    return id;
  }

  private static JsonNode stores() throws Exception {
    return server.summary().path("stores");
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return server.post(body);
  }
}
