package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON-RPC endpoint over raw HTTP: the seed's curl examples and every error case. */
class JsonRpcProtocolIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(c -> c.maxParts(3).maxTextLength(50).maxNestingDepth(16));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void seedTroubleshootingCurlOfRootAnswersJsonStatus() throws Exception {
    HttpResponse<String> response = server.get("/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("status").asText()).isEqualTo("ok");
    assertThat(body.path("protocolVersion").asText()).isEqualTo("0.3.0");
  }

  @Test
  void healthReportsReady() throws Exception {
    HttpResponse<String> response = server.get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("ok");
  }

  @Test
  void seedCurlWithEmptyParamsIsInvalidParamsNamingMessage() throws Exception {
    HttpResponse<String> response =
        server.post(
            "/tasks/send",
            "{\"jsonrpc\":\"2.0\",\"id\":\"test\",\"method\":\"message/send\",\"params\":{}}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(body.path("id").asText()).isEqualTo("test");
    assertThat(body.path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(body.path("error").path("message").asText()).contains("params.message");
  }

  @Test
  void messageSendOnBothPathsReturnsCompletedTask() throws Exception {
    for (String path : new String[] {"/", "/tasks/send"}) {
      HttpResponse<String> response = server.post(path, send("\"r1\"", "What is entropy?"));

      JsonNode result = JSON.readTree(response.body()).path("result");
      assertThat(result.path("kind").asText()).isEqualTo("task");
      assertThat(result.path("status").path("state").asText()).isEqualTo("completed");
      assertThat(result.path("artifacts").get(0).path("parts").get(0).path("text").asText())
          .contains("entropy");
      assertThat(result.path("history")).hasSize(2);
    }
  }

  @Test
  void nonBlockingSendReturnsAtOnceAndTasksGetShowsTheEnd() throws Exception {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"message/send\",\"params\":{\"message\":"
            + message("Explain osmosis")
            + ",\"configuration\":{\"blocking\":false}}}";
    JsonNode task = JSON.readTree(server.post("/", body).body()).path("result");

    assertThat(task.path("status").path("state").asText())
        .isIn("submitted", "working", "completed");
    String id = task.path("id").asText();
    JsonNode fetched =
        await("task " + id + " completed")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () ->
                    JSON.readTree(
                            server
                                .post(
                                    "/",
                                    "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tasks/get\","
                                        + "\"params\":{\"id\":\""
                                        + id
                                        + "\",\"historyLength\":1}}")
                                .body())
                        .path("result"),
                result -> result.path("status").path("state").asText().equals("completed"));
    assertThat(fetched.path("history")).hasSize(1);
  }

  static Stream<Arguments> badRequests() {
    String ok = message("hi");
    return Stream.of(
        Arguments.of("not json {", -32700, null, "Parse error"),
        Arguments.of("", -32700, null, "Parse error"),
        Arguments.of(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tasks/get\"}]", -32600, null, "batch"),
        Arguments.of("\"text\"", -32600, null, "object"),
        Arguments.of(
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"tasks/get\"}", -32600, "1", "jsonrpc"),
        Arguments.of("{\"id\":2,\"method\":\"tasks/get\"}", -32600, "2", "jsonrpc"),
        Arguments.of("{\"jsonrpc\":\"2.0\",\"id\":\"a\"}", -32600, "a", "method"),
        Arguments.of(
            "{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"tasks/get\"}", -32600, null, "id"),
        Arguments.of(
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tasks/nope\"}",
            -32601,
            "3",
            "Method not found"),
        Arguments.of(
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"message/send\"}", -32602, "4", "params"),
        Arguments.of(
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"message/send\",\"params\":[]}",
            -32602,
            "4",
            "params must be an object"),
        Arguments.of(
            sendParams("{\"message\":{\"role\":\"user\",\"messageId\":\"m\"}}"),
            -32602,
            "5",
            "params.message.parts"),
        Arguments.of(
            sendParams("{\"message\":{\"role\":\"user\",\"messageId\":\"m\",\"parts\":{}}}"),
            -32602,
            "5",
            "params.message.parts"),
        Arguments.of(
            sendParams(
                "{\"message\":{\"role\":5,\"messageId\":\"m\",\"parts\":[{\"kind\":\"text\",\"text\":\"x\"}]}}"),
            -32602,
            "5",
            "params.message.role"),
        Arguments.of(
            sendParams(
                "{\"message\":{\"role\":\"robot\",\"messageId\":\"m\",\"parts\":[{\"kind\":\"text\",\"text\":\"x\"}]}}"),
            -32602,
            "5",
            "params.message.role"),
        Arguments.of(
            sendParams(
                "{\"message\":{\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"x\"}]}}"),
            -32602,
            "5",
            "params.message.messageId"),
        Arguments.of(
            sendParams(
                "{\"message\":{\"role\":\"user\",\"messageId\":\"m\",\"parts\":[{\"kind\":\"video\"}]}}"),
            -32602,
            "5",
            "params.message.parts[0].kind"),
        Arguments.of(
            sendParams(
                "{\"message\":{\"role\":\"user\",\"messageId\":\"m\",\"parts\":[{\"kind\":\"text\"}]}}"),
            -32602,
            "5",
            "params.message.parts[0].text"),
        Arguments.of(
            sendParams(
                "{\"message\":{\"role\":\"user\",\"messageId\":\"m\",\"parts\":[{\"kind\":\"text\",\"text\":\" \\n \"}]}}"),
            -32602,
            "5",
            "non-empty text part"),
        Arguments.of(
            sendParams("{\"message\":" + ok + ",\"configuration\":{\"historyLength\":-1}}"),
            -32602,
            "5",
            "historyLength"),
        Arguments.of(
            sendParams(
                "{\"message\":"
                    + ok
                    + ",\"configuration\":{\"pushNotificationConfig\":{\"url\":\"file:///etc/passwd\"}}}"),
            -32602,
            "5",
            "pushNotificationConfig.url"),
        Arguments.of(
            sendParams(
                "{\"message\":{\"role\":\"user\",\"messageId\":\"m\",\"parts\":[{\"kind\":\"text\",\"text\":\"a\"},{\"kind\":\"text\",\"text\":\"b\"},{\"kind\":\"text\",\"text\":\"c\"},{\"kind\":\"text\",\"text\":\"d\"}]}}"),
            -32602,
            "5",
            "A2A_MAX_PARTS"),
        Arguments.of(
            sendParams(
                "{\"message\":{\"role\":\"user\",\"messageId\":\"m\",\"parts\":[{\"kind\":\"text\",\"text\":\""
                    + "x".repeat(51)
                    + "\"}]}}"),
            -32602,
            "5",
            "A2A_MAX_TEXT_LENGTH"),
        Arguments.of(
            sendParams(
                "{\"message\":"
                    + ok
                    + ",\"metadata\":"
                    + "{\"a\":".repeat(20)
                    + "1"
                    + "}".repeat(20)
                    + "}"),
            -32600,
            null,
            "A2A_MAX_JSON_DEPTH"),
        Arguments.of(
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tasks/get\",\"params\":{}}",
            -32602,
            "6",
            "params.id"),
        Arguments.of(
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tasks/get\",\"params\":{\"id\":\"missing\"}}",
            -32001,
            "6",
            "missing"),
        Arguments.of(
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tasks/cancel\",\"params\":{\"id\":\"missing\"}}",
            -32001,
            "6",
            "missing"),
        Arguments.of(
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tasks/pushNotificationConfig/list\",\"params\":{\"id\":\"missing\"}}",
            -32001,
            "6",
            "missing"));
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void badInputGetsJsonRpcErrorWithHttp200AndNoStackTrace(
      String body, int code, String id, String messagePart) throws Exception {
    HttpResponse<String> response = server.post("/", body);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.path("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(json.path("error").path("code").asInt()).isEqualTo(code);
    assertThat(json.path("error").path("message").asText()).contains(messagePart);
    if (id == null) {
      assertThat(json.get("id").isNull()).isTrue();
    } else {
      assertThat(json.get("id").asText()).isEqualTo(id);
    }
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aFilePartWhoseBytesAreNotBase64IsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    String context = "ctx-file-bytes-refused";

    HttpResponse<String> response = server.post("/", sendWithFileBytes(context, "A"));

    JsonNode error = JSON.readTree(response.body()).path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32602);
    assertThat(error.path("message").asText())
        .contains("params.message.parts[1].file.bytes must be base64");
    JsonNode listed =
        JSON.readTree(server.get("/tasks?contextId=" + context, "A2A-Version", "1.0").body());
    assertThat(listed.path("tasks")).isEmpty();
  }

  @Test
  void aFilePartWithBase64BytesIsStoredAndReadsBackOverOneZero() throws Exception {
    String context = "ctx-file-bytes-kept";

    JsonNode sent =
        JSON.readTree(server.post("/", sendWithFileBytes(context, "aGk=")).body()).path("result");
    HttpResponse<String> read =
        server.get("/tasks/" + sent.path("id").asText(), "A2A-Version", "1.0");
    HttpResponse<String> listed = server.get("/tasks?contextId=" + context, "A2A-Version", "1.0");

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(
            JSON.readTree(read.body())
                .path("history")
                .get(0)
                .path("parts")
                .get(1)
                .path("raw")
                .asText())
        .isEqualTo("aGk=");
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(listed.body()).path("tasks")).hasSize(1);
  }

  private static String sendWithFileBytes(String contextId, String bytes) {
    return sendParams(
        "{\"message\":{\"role\":\"user\",\"messageId\":\"m-"
            + contextId
            + "\",\"contextId\":\""
            + contextId
            + "\",\"parts\":[{\"kind\":\"text\",\"text\":\"hi\"},"
            + "{\"kind\":\"file\",\"file\":{\"name\":\"a.txt\",\"bytes\":\""
            + bytes
            + "\"}}]}}");
  }

  @Test
  void bodyOverTheLimitGets413WithJsonRpcError() throws Exception {
    String huge =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"pad\":\""
            + "x".repeat(LimitsConfig.DEFAULT_MAX_BODY_BYTES)
            + "\"}}";

    HttpResponse<String> response = server.post("/", huge);

    assertThat(response.statusCode()).isEqualTo(413);
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(json.path("error").path("message").asText()).contains("A2A_MAX_BODY_BYTES");
  }

  @Test
  void bodyOfExactlyTheLimitIsReadWhetherItsLengthIsDeclaredOrItIsChunked() throws Exception {
    String body = send("7", "hi");
    int limit = body.getBytes(StandardCharsets.UTF_8).length;
    try (TestServer tight = TestServer.start(c -> c.maxBodyBytes(limit))) {
      HttpResponse<String> sized = tight.post("/", body);
      HttpResponse<String> chunked = tight.postChunked("/", body);
      HttpResponse<String> oneByteOver = tight.post("/", body + " ");

      for (HttpResponse<String> accepted : List.of(sized, chunked)) {
        assertThat(accepted.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(accepted.body());
        assertThat(json.path("id").asInt()).isEqualTo(7);
        assertThat(json.path("result").path("kind").asText()).isEqualTo("task");
      }
      assertThat(oneByteOver.statusCode()).isEqualTo(413);
    }
  }

  @Test
  void unknownPathAndWrongMethodAnswerJsonNotHtml() throws Exception {
    HttpResponse<String> missing = server.get("/nope");
    HttpResponse<String> wrongMethod = server.get("/tasks/send");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(missing.body()).path("error").path("status").asInt()).isEqualTo(404);
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
    assertThat(wrongMethod.body()).doesNotContain("<html");
  }

  @Test
  void malformedHttpGetsAJsonErrorFromJettyNotAnHtmlPage() throws Exception {
    try (java.net.Socket socket =
        new java.net.Socket(server.uri("/").getHost(), server.uri("/").getPort())) {
      socket
          .getOutputStream()
          .write(
              "GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String reply =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

      assertThat(reply).startsWith("HTTP/1.1 400");
      assertThat(reply).containsIgnoringCase("content-type: application/json");
      assertThat(reply).contains("\"status\":400").doesNotContain("<html");
    }
  }

  @Test
  void aQueryThatDoesNotDecodeGetsAJsonErrorFromJettyBeforeAnyRoute() throws Exception {
    for (String target : List.of("/?x=%zz", "/?A2A-Version=%e2%82", "/message:send?x=%ff")) {
      String reply = rawPost(target, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tasks/get\"}");

      assertThat(reply).as(target).startsWith("HTTP/1.1 400");
      JsonNode error = JSON.readTree(reply.substring(reply.indexOf("\r\n\r\n") + 4));
      assertThat(error.path("error").path("status").asInt()).as(target).isEqualTo(400);
    }
  }

  /** A POST written by hand: no HTTP client sends a query that does not decode. */
  private String rawPost(String target, String body) throws Exception {
    try (java.net.Socket socket =
        new java.net.Socket(server.uri("/").getHost(), server.uri("/").getPort())) {
      socket
          .getOutputStream()
          .write(
              ("POST "
                      + target
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      + "Content-Length: "
                      + body.length()
                      + "\r\nConnection: close\r\n\r\n"
                      + body)
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void withPushNotificationsOffTheCardSaysSoAndPushRequestsGet32003() throws Exception {
    try (TestServer noPush = TestServer.start(c -> c.pushNotifications(false))) {
      JsonNode card = JSON.readTree(noPush.get("/.well-known/agent-card.json").body());
      JsonNode set =
          JSON.readTree(
              noPush
                  .post(
                      "/",
                      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tasks/pushNotificationConfig/set\","
                          + "\"params\":{\"taskId\":\"t\",\"pushNotificationConfig\":{\"url\":\"https://h.example/x\"}}}")
                  .body());
      JsonNode send =
          JSON.readTree(
              noPush
                  .post(
                      "/",
                      "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"message/send\",\"params\":{\"message\":"
                          + message("hi")
                          + ",\"configuration\":{\"pushNotificationConfig\":{\"url\":\"https://h.example/x\"}}}}")
                  .body());

      assertThat(card.path("capabilities").path("pushNotifications").asBoolean()).isFalse();
      assertThat(set.path("error").path("code").asInt()).isEqualTo(-32003);
      assertThat(send.path("error").path("code").asInt()).isEqualTo(-32003);
    }
  }

  @Test
  void agentCardIsServedAtBothWellKnownPaths() throws Exception {
    for (String path : new String[] {"/.well-known/agent-card.json", "/.well-known/agent.json"}) {
      JsonNode card = JSON.readTree(server.get(path).body());

      assertThat(card.path("protocolVersion").asText()).isEqualTo("0.3.0");
      assertThat(card.path("preferredTransport").asText()).isEqualTo("JSONRPC");
      assertThat(card.path("url").asText()).isEqualTo(server.url());
      assertThat(card.path("capabilities").path("streaming").asBoolean()).isTrue();
      assertThat(card.path("capabilities").path("pushNotifications").asBoolean()).isTrue();
      assertThat(card.path("defaultInputModes")).isNotEmpty();
      assertThat(card.path("defaultOutputModes")).isNotEmpty();
      JsonNode skill = card.path("skills").get(0);
      for (String field : new String[] {"id", "name", "description", "tags", "examples"}) {
        assertThat(skill.has(field)).as(field).isTrue();
      }
      assertThat(card.has("securitySchemes")).isFalse();
    }
  }

  @Test
  void metricsSummaryReportsPerStageStatisticsInSnakeCase() throws Exception {
    JsonNode summary;
    try (TestServer fresh = TestServer.start()) {
      fresh.post("/", send("\"m1\"", "Summarise the cell cycle"));
      summary = JSON.readTree(fresh.get("/metrics/summary").body());
    }

    JsonNode total = summary.path("stages").path("total");
    assertThat(total.path("count").asLong()).isEqualTo(1);
    assertThat(total.path("mean_ms").asDouble()).isPositive();
    assertThat(total.path("max_ms").asDouble())
        .isGreaterThanOrEqualTo(total.path("p50_ms").asDouble());
    assertThat(total.has("p95_ms") && total.has("p99_ms")).isTrue();
    assertThat(summary.path("stages").has("llm_invocation")).isTrue();
    assertThat(summary.path("stages").has("queue_wait")).isTrue();
    assertThat(summary.path("stores").path("tasks").path("tasks").asLong()).isPositive();
  }

  @Test
  void metricsSummarySplitsTheSendsEndToEndTimeIntoSharesOfTheSameSends() throws Exception {
    try (TestServer fresh = TestServer.start()) {
      fresh.post("/", send("\"b1\"", "Summarise the cell cycle"));
      String id =
          JSON.readTree(
                  fresh
                      .post(
                          "/",
                          "{\"jsonrpc\":\"2.0\",\"id\":\"n1\",\"method\":\"message/send\","
                              + "\"params\":{\"message\":"
                              + message("Explain osmosis")
                              + ",\"configuration\":{\"blocking\":false}}}")
                      .body())
              .path("result")
              .path("id")
              .asText();
      fresh.post(
          "/",
          "{\"jsonrpc\":\"2.0\",\"id\":\"g1\",\"method\":\"tasks/get\",\"params\":{\"id\":\""
              + id
              + "\"}}");
      JsonNode sends =
          await("two paired sends in /metrics/summary")
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(20))
              .until(
                  () -> JSON.readTree(fresh.get("/metrics/summary").body()).path("sends"),
                  s -> s.path("paired").asLong() >= 2);

      assertThat(sends.path("paired").asLong()).isEqualTo(2);
      assertThat(sends.path("unpaired").asLong()).isZero();
      double shares = 0;
      for (JsonNode segment : sends.path("segments")) {
        assertThat(segment.path("share").asDouble()).isBetween(0.0, 1.0);
        shares += segment.path("share").asDouble();
      }
      assertThat(shares).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(sends.path("segments").findValuesAsText("stage")).contains("llm_invocation");
      JsonNode summary = JSON.readTree(fresh.get("/metrics/summary").body());
      assertThat(summary.path("stages").path("total").path("count").asLong())
          .as("the two sends, not the tasks/get")
          .isEqualTo(2);
      assertThat(summary.path("stage_vocabulary").findValuesAsText("id"))
          .startsWith("json_parsing", "message_normalization", "agent_processing", "task_total");
    }
  }

  @Test
  void metricsSummaryReportsEachStagesWindowsTrendAndTheAgentsMetricTypes() throws Exception {
    JsonNode summary;
    try (TestServer fresh = TestServer.start()) {
      fresh.post("/", send("\"w1\"", "Summarise the cell cycle"));
      fresh.post("/tasks/send", send("\"w2\"", "Explain mitosis"));
      summary = JSON.readTree(fresh.get("/metrics/summary").body());
    }

    assertThat(summary.path("window").asText()).isEqualTo("hour");
    JsonNode parsing = summary.path("stages").path("json_parsing");
    for (String window : List.of("minute", "five_minutes", "hour")) {
      assertThat(parsing.path("windows").path(window).path("count").asLong())
          .as(window)
          .isEqualTo(2);
    }
    assertThat(parsing.path("trend").path("direction").asText()).isEqualTo("stable");
    assertThat(parsing.path("trend").path("current_count").asLong()).isEqualTo(2);
    assertThat(summary.path("bottlenecks").isArray()).isTrue();
    for (String window : List.of("minute", "five_minutes", "hour")) {
      JsonNode types = summary.path("agent").path("windows").path(window);
      assertThat(types.path("total_execution").path("count").asLong()).as(window).isEqualTo(2);
      assertThat(types.path("llm_processing").path("count").asLong()).as(window).isEqualTo(2);
      assertThat(types.path("time_to_first_token").path("count").asLong()).as(window).isEqualTo(2);
    }
    JsonNode trend = summary.path("agent").path("trends").path("total_execution");
    assertThat(trend.path("direction").asText()).isEqualTo("stable");
    assertThat(trend.path("current_count").asLong()).isEqualTo(2);
    assertThat(summary.path("agent").path("bottlenecks").isArray()).isTrue();
  }

  static String message(String text) {
    return "{\"kind\":\"message\",\"role\":\"user\",\"messageId\":\"m-"
        + Integer.toHexString(text.hashCode())
        + "\",\"parts\":[{\"kind\":\"text\",\"text\":\""
        + text
        + "\"}]}";
  }

  /** A request of {@code method} with a string {@code id} and {@code params} as given. */
  static String rpc(String id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":\""
        + id
        + "\",\"method\":\""
        + method
        + "\",\"params\":"
        + params
        + "}";
  }

  static String send(String id, String text) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"message/send\",\"params\":{\"message\":"
        + message(text)
        + "}}";
  }

  private static String sendParams(String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"message/send\",\"params\":" + params + "}";
  }
}
