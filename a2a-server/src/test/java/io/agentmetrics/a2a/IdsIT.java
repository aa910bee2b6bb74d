package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ids a client sends, against the shaded jar with tracing on: JSON-RPC ids, task, context, message
 * and push config ids over 256 characters, and numeric JSON-RPC ids the server cannot echo exactly,
 * are refused with a JSON-RPC error (an HTTP+JSON error in that binding of A2A 1.0), and are echoed
 * in full neither in the error, nor as the response's id, nor in any line the process writes. A2A
 * 0.3 and 1.0 read them alike.
 */
class IdsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** 257 characters, one over the limit; any 64 of them in a row count as an echo. */
  private static final String LONG_ID = "L0ng" + "q".repeat(253);

  private static final String ECHO = LONG_ID.substring(LONG_ID.length() - 64);
  private static ServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    server =
        ServerProcess.start(Map.of("A2A_TRACE_LATENCY", "yes", "SIMULATED_LLM_LATENCY_MS", "0"));
  }

  @AfterAll
  static void stop() throws Exception {
    assertThat(server.terminate()).isZero();
    assertThat(server.lines).as("the process output").noneMatch(line -> line.contains(ECHO));
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"message/send", "tasks/get"})
  void aJsonRpcIdOver256CharactersIsRefusedAndNotEchoed(String method) throws Exception {
    JsonNode reply =
        post(
            "{\"jsonrpc\":\"2.0\",\"id\":\""
                + LONG_ID
                + "\",\"method\":\""
                + method
                + "\",\"params\":{\"message\":"
                + JsonRpcProtocolIT.message("hi")
                + "}}");

    assertThat(reply.path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(reply.path("error").path("message").asText()).contains("id", "256");
    assertThat(reply.get("id").isNull()).isTrue();
    assertThat(reply.toString()).doesNotContain(ECHO);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e400",
        "-1e400",
        "1e-400",
        "0.1000000000000000000001",
        "9223372036854775808",
        "-9223372036854775809"
      })
  void aNumericIdTheServerCannotEchoExactlyIsRefused(String id) throws Exception {
    JsonNode reply = post(JsonRpcProtocolIT.send(id, "hi"));

    assertThat(reply.path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(reply.path("error").path("message").asText()).contains("id");
    assertThat(reply.get("id").isNull()).isTrue();
  }

  @Test
  void aNumericIdOfManyDigitsIsRefusedAndNotEchoed() throws Exception {
    String digits = "7".repeat(300);

    JsonNode reply = post(JsonRpcProtocolIT.send(digits, "hi"));

    assertThat(reply.path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(reply.get("id").isNull()).isTrue();
    assertThat(reply.toString()).doesNotContain("7".repeat(64));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "42",
        "-7",
        "0",
        "9223372036854775807",
        "-9223372036854775808",
        "1.5",
        "null",
        "\"a\"",
        "\"\""
      })
  void idsTheServerCanEchoExactlyAreEchoed(String id) throws Exception {
    JsonNode reply = post(JsonRpcProtocolIT.send(id, "hi"));

    assertThat(reply.path("result").path("status").path("state").asText()).isEqualTo("completed");
    assertThat(reply.get("id")).isEqualTo(JSON.readTree(id));
  }

  @Test
  void aJsonRpcIdOfExactly256CharactersIsEchoed() throws Exception {
    String id = "\"" + "b".repeat(256) + "\"";

    JsonNode reply = post(JsonRpcProtocolIT.send(id, "hi"));

    assertThat(reply.path("result").path("status").path("state").asText()).isEqualTo("completed");
    assertThat(reply.get("id")).isEqualTo(JSON.readTree(id));
  }

  static Stream<Arguments> idsOver256Characters() {
    String id = "\"" + LONG_ID + "\"";
    String push = "{\"url\":\"https://example.com/hook\"}";
    return Stream.of(
        Arguments.of("tasks/get", "{\"id\":" + id + "}", "params.id"),
        Arguments.of("tasks/cancel", "{\"id\":" + id + "}", "params.id"),
        Arguments.of("tasks/resubscribe", "{\"id\":" + id + "}", "params.id"),
        Arguments.of("tasks/pushNotificationConfig/get", "{\"id\":" + id + "}", "params.id"),
        Arguments.of("tasks/pushNotificationConfig/list", "{\"id\":" + id + "}", "params.id"),
        Arguments.of(
            "tasks/pushNotificationConfig/get",
            "{\"id\":\"t\",\"pushNotificationConfigId\":" + id + "}",
            "params.pushNotificationConfigId"),
        Arguments.of(
            "tasks/pushNotificationConfig/delete",
            "{\"id\":\"t\",\"pushNotificationConfigId\":" + id + "}",
            "params.pushNotificationConfigId"),
        Arguments.of(
            "tasks/pushNotificationConfig/set",
            "{\"taskId\":" + id + ",\"pushNotificationConfig\":" + push + "}",
            "params.taskId"),
        Arguments.of(
            "tasks/pushNotificationConfig/set",
            "{\"taskId\":\"t\",\"pushNotificationConfig\":{\"id\":"
                + id
                + ",\"url\":\"https://example.com/hook\"}}",
            "params.pushNotificationConfig.id"),
        Arguments.of("message/send", messageWith("\"taskId\":" + id), "params.message.taskId"),
        Arguments.of("message/stream", messageWith("\"taskId\":" + id), "params.message.taskId"),
        Arguments.of(
            "message/send", messageWith("\"contextId\":" + id), "params.message.contextId"),
        Arguments.of(
            "message/send",
            "{\"message\":{\"role\":\"user\",\"messageId\":"
                + id
                + ",\"parts\":[{\"kind\":\"text\",\"text\":\"hi\"}]}}",
            "params.message.messageId"),
        Arguments.of(
            "message/send",
            messageWith("\"referenceTaskIds\":[\"t\"," + id + "]"),
            "params.message.referenceTaskIds"));
  }

  @ParameterizedTest
  @MethodSource("idsOver256Characters")
  void aTaskContextMessageOrPushConfigIdOver256CharactersIsRefusedAndNotEchoed(
      String method, String params, String field) throws Exception {
    JsonNode reply =
        post(
            "{\"jsonrpc\":\"2.0\",\"id\":\"r1\",\"method\":\""
                + method
                + "\",\"params\":"
                + params
                + "}");

    assertThat(reply.path("id").asText()).isEqualTo("r1");
    assertThat(reply.path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(reply.path("error").path("message").asText()).contains(field, "256");
    assertThat(reply.toString()).doesNotContain(ECHO);
  }

  static Stream<Arguments> v1JsonRpcIdsTheServerCannotEcho() {
    return Stream.of(
        Arguments.of("\"" + LONG_ID + "\"", "256"),
        Arguments.of("1e400", "exact"),
        Arguments.of("9223372036854775808", "64 bits"));
  }

  @ParameterizedTest
  @MethodSource("v1JsonRpcIdsTheServerCannotEcho")
  void a1_0JsonRpcIdIsReadAndRefusedAs0_3Reads(String id, String why) throws Exception {
    JsonNode reply = v1Rpc(id, "GetTask", "{\"id\":\"t\"}");

    assertThat(reply.path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(reply.path("error").path("message").asText()).contains("id", why);
    assertThat(reply.get("id").isNull()).isTrue();
    assertThat(reply.toString()).doesNotContain(ECHO);
  }

  static Stream<Arguments> v1IdsOver256Characters() {
    String id = "\"" + LONG_ID + "\"";
    return Stream.of(
        Arguments.of("GetTask", "{\"id\":" + id + "}"),
        Arguments.of("CancelTask", "{\"id\":" + id + "}"),
        Arguments.of("SubscribeToTask", "{\"id\":" + id + "}"),
        Arguments.of("ListTaskPushNotificationConfigs", "{\"taskId\":" + id + "}"),
        Arguments.of("GetTaskPushNotificationConfig", "{\"taskId\":\"t\",\"id\":" + id + "}"),
        Arguments.of("DeleteTaskPushNotificationConfig", "{\"taskId\":" + id + ",\"id\":\"c\"}"),
        Arguments.of(
            "CreateTaskPushNotificationConfig",
            "{\"taskId\":" + id + ",\"url\":\"https://example.com/hook\"}"),
        Arguments.of(
            "CreateTaskPushNotificationConfig",
            "{\"taskId\":\"t\",\"id\":" + id + ",\"url\":\"https://example.com/hook\"}"),
        Arguments.of("SendMessage", v1MessageWith("\"messageId\":" + id)),
        Arguments.of("SendMessage", v1MessageWith("\"messageId\":\"m\",\"taskId\":" + id)),
        Arguments.of(
            "SendStreamingMessage", v1MessageWith("\"messageId\":\"m\",\"contextId\":" + id)),
        Arguments.of(
            "SendMessage", v1MessageWith("\"messageId\":\"m\",\"referenceTaskIds\":[" + id + "]")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("v1IdsOver256Characters")
  void a1_0TaskMessageOrPushConfigIdOver256CharactersIsRefusedAndNotEchoed(
      String method, String params) throws Exception {
    JsonNode reply = v1Rpc("\"r1\"", method, params);

    assertThat(reply.path("id").asText()).isEqualTo("r1");
    assertThat(reply.path("error").path("code").asInt()).as(reply.toString()).isEqualTo(-32602);
    assertThat(reply.path("error").path("message").asText()).contains("256");
    assertThat(reply.toString()).doesNotContain(ECHO);
  }

  static Stream<Arguments> v1RestIdsOver256Characters() {
    return Stream.of(
        Arguments.of("GET", "/tasks/" + LONG_ID, null),
        Arguments.of("POST", "/tasks/" + LONG_ID + ":cancel", "{}"),
        Arguments.of("POST", "/tasks/" + LONG_ID + ":subscribe", null),
        Arguments.of("GET", "/tasks/" + LONG_ID + "/pushNotificationConfigs", null),
        Arguments.of("GET", "/tasks/t/pushNotificationConfigs/" + LONG_ID, null),
        Arguments.of("DELETE", "/tasks/t/pushNotificationConfigs/" + LONG_ID, null),
        Arguments.of(
            "POST",
            "/tasks/" + LONG_ID + "/pushNotificationConfigs",
            "{\"url\":\"https://example.com/hook\"}"),
        Arguments.of("POST", "/message:send", v1MessageWith("\"messageId\":\"" + LONG_ID + "\"")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("v1RestIdsOver256Characters")
  void a1_0HttpJsonIdOver256CharactersIsRefusedAndNotEchoed(String method, String path, String body)
      throws Exception {
    HttpResponse<String> reply = server.v1(method, path, body);

    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
    JsonNode error = JSON.readTree(reply.body()).path("error");
    assertThat(error.path("status").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error.path("message").asText()).contains("256");
    assertThat(reply.body()).doesNotContain(ECHO);
  }

  @Test
  void anUnknownHttpJsonPathIsNotEchoedWhole() throws Exception {
    HttpResponse<String> reply = server.v1("POST", "/tasks/" + LONG_ID + ":frobnicate", "{}");

    assertThat(reply.statusCode()).isEqualTo(404);
    assertThat(reply.body()).contains("not an A2A 1.0 HTTP+JSON path").doesNotContain(ECHO);
  }

  /** The reply to an A2A 1.0 JSON-RPC request whose id and params are JSON as given. */
  private static JsonNode v1Rpc(String id, String method, String params) throws Exception {
    return JSON.readTree(
        server
            .v1(
                "POST",
                "/",
                "{\"jsonrpc\":\"2.0\",\"id\":"
                    + id
                    + ",\"method\":\""
                    + method
                    + "\",\"params\":"
                    + params
                    + "}")
            .body());
  }

  private static String v1MessageWith(String members) {
    return "{\"message\":{\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"hi\"}]," + members + "}}";
  }

  private static String messageWith(String member) {
    return "{\"message\":{\"role\":\"user\",\"messageId\":\"m\","
        + "\"parts\":[{\"kind\":\"text\",\"text\":\"hi\"}],"
        + member
        + "}}";
  }

  /** The JSON-RPC reply, read from the single event of an SSE answer too. */
  private static JsonNode post(String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(server.url())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    String json = response.body().strip();
    return JSON.readTree(json.startsWith("data:") ? json.substring("data:".length()) : json);
  }
}
