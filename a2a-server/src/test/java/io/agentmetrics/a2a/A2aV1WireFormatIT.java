package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.lf.a2a.v1.AgentCard;
import io.agentmetrics.a2a.agent.ConformanceAgent;
import io.agentmetrics.a2a.trace.TraceSettings;
import io.agentmetrics.a2a.v1.ProtoJson;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The A2A 1.0 wire format as the official TCK checks it (must level): the agent card, version
 * negotiation, ProtoJSON shapes, the JSON-RPC and HTTP+JSON error formats with their codes and
 * statuses, Server-Sent Events, and one task model behind both protocol versions. Raw HTTP against
 * the real server, so what is checked is the bytes a client receives; each test names the TCK
 * requirement it ports.
 */
class A2aV1WireFormatIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String V1 = "A2A-Version";
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z");

  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(b -> b, new ConformanceAgent());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String sendMessage(String scenario) {
    return "{\"message\":{\"role\":\"ROLE_USER\",\"messageId\":\"tck-"
        + scenario
        + "-"
        + UUID.randomUUID()
        + "\",\"parts\":[{\"text\":\"TCK wire test\"}]}}";
  }

  static String rpc(String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":\"req-1\",\"method\":\""
        + method
        + "\",\"params\":"
        + params
        + "}";
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  static List<JsonNode> events(HttpResponse<String> response) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String line : response.body().split("\n", -1)) {
      if (line.startsWith("data:")) {
        events.add(JSON.readTree(line.substring(5).trim()));
      }
    }
    return events;
  }

  @Test
  @DisplayName(
      "CARD-DISC-001, CARD-STRUCT-001, CARD-PROTO-001/002, BIND-FIELD-001: the 1.0 card declares JSON-RPC 1.0, HTTP+JSON 1.0 and JSON-RPC 0.3, each with its URL, and every required field")
  void cardDeclaresEveryInterfaceWithItsUrl() throws Exception {
    HttpResponse<String> response = server.get("/.well-known/agent-card.json", V1, "1.0");

    AgentCard card = ProtoJson.read(response.body(), AgentCard.newBuilder());
    JsonNode raw = json(response);

    assertThat(card.getSupportedInterfacesList())
        .extracting(i -> i.getProtocolBinding() + " " + i.getProtocolVersion() + " " + i.getUrl())
        .containsExactly(
            "JSONRPC 1.0 " + server.url(),
            "HTTP+JSON 1.0 " + server.server().baseUri(),
            "JSONRPC 0.3 " + server.url());
    assertThat(raw.has("url")).as("no 0.3 field in the bare 1.0 card").isFalse();
    assertThat(card.getCapabilities().getStreaming()).isTrue();
  }

  @Test
  @DisplayName(
      "The well-known card without A2A-Version is the union of the 0.3 and 1.0 cards; agent.json stays the 0.3 card")
  void versionlessCardServesBothVersions() throws Exception {
    JsonNode union = json(server.get("/.well-known/agent-card.json"));
    JsonNode telex = json(server.get("/.well-known/agent.json"));
    JsonNode v03 = json(server.get("/.well-known/agent-card.json", V1, "0.3"));

    assertThat(union.path("url").asText()).isEqualTo(server.url());
    assertThat(union.path("protocolVersion").asText()).isEqualTo("0.3.0");
    assertThat(union.path("supportedInterfaces")).hasSize(3);
    assertThat(telex.has("supportedInterfaces")).isFalse();
    assertThat(telex.path("protocolVersion").asText()).isEqualTo("0.3.0");
    assertThat(v03).isEqualTo(telex);
  }

  @Test
  @DisplayName(
      "A2A_AGENT_CARD=1.0 serves the bare 1.0 card to requests naming no version (what the 1.0 TCK fetches)")
  void bareCardOnRequest() throws Exception {
    try (TestServer bare =
        TestServer.startWithCards(
            new io.agentmetrics.a2a.v1.CardSettings(
                io.agentmetrics.a2a.v1.CardSettings.WellKnownCard.V1_0, null))) {
      JsonNode card = json(bare.get("/.well-known/agent-card.json"));

      assertThat(card.has("url")).isFalse();
      assertThat(card.path("supportedInterfaces")).hasSize(3);
    }
  }

  @Test
  @DisplayName("With A2A_AUTH_TOKEN the 1.0 card declares a bearer scheme and requires it")
  void cardDeclaresBearerWhenATokenIsSet() throws Exception {
    try (TestServer secured =
        TestServer.start(c -> c.authToken("s3cret"), new ConformanceAgent())) {
      AgentCard card =
          ProtoJson.read(
              secured.get("/.well-known/agent-card.json", V1, "1.0").body(),
              AgentCard.newBuilder());
      HttpResponse<String> anonymous =
          secured.post("/message:send", sendMessage("complete-task"), V1, "1.0");
      HttpResponse<String> authorized =
          secured.post(
              "/message:send",
              sendMessage("complete-task"),
              V1,
              "1.0",
              "Authorization",
              "Bearer s3cret");

      assertThat(card.getSecuritySchemesMap().get("bearer").getHttpAuthSecurityScheme().getScheme())
          .isEqualTo("bearer");
      assertThat(card.getSecurityRequirements(0).getSchemesMap()).containsKey("bearer");
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
      assertThat(json(anonymous).path("error").path("status").asText())
          .isEqualTo("UNAUTHENTICATED");
      assertThat(authorized.statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName(
      "VER-SERVER-002: an unsupported A2A-Version is VersionNotSupportedError (-32009, HTTP 400) with its ErrorInfo")
  void unsupportedVersionIsRefused() throws Exception {
    JsonNode rpcResponse =
        json(server.post("/", rpc("SendMessage", sendMessage("ver-002")), V1, "99.0"));
    JsonNode rpcError = rpcResponse.path("error");
    HttpResponse<String> rest = server.post("/message:send", sendMessage("ver-002"), V1, "99.0");
    HttpResponse<String> restWithoutVersion = server.post("/message:send", sendMessage("ver-002"));

    assertThat(rpcError.path("code").asInt()).isEqualTo(-32009);
    assertThat(rpcResponse.path("id").asText()).isEqualTo("req-1");
    assertThat(rpcError.path("data").get(0).path("reason").asText())
        .isEqualTo("VERSION_NOT_SUPPORTED");
    assertThat(rest.statusCode()).isEqualTo(400);
    assertThat(json(rest).path("error").path("details").get(0).path("reason").asText())
        .isEqualTo("VERSION_NOT_SUPPORTED");
    assertThat(restWithoutVersion.statusCode()).isEqualTo(400);
    assertThat(json(restWithoutVersion).path("error").path("message").asText())
        .contains("A2A-Version: 1.0");
  }

  @Test
  @DisplayName(
      "VER-SERVER-003: no (or an empty) A2A-Version means 0.3: message/send works, the 1.0 names are unknown methods")
  void noVersionMeansZeroThree() throws Exception {
    JsonNode v03 =
        json(
            server.post(
                "/",
                rpc(
                    "message/send",
                    "{\"message\":{\"role\":\"user\",\"messageId\":\"m\",\"parts\":[{\"kind\":\"text\",\"text\":\"hi\"}]}}")));
    JsonNode empty = json(server.post("/", rpc("SendMessage", sendMessage("ver-003")), V1, ""));

    assertThat(v03.path("result").path("status").path("state").asText()).isEqualTo("completed");
    assertThat(empty.path("error").path("code").asInt()).isEqualTo(-32601);
  }

  @Test
  @DisplayName("One task model: a task created over 1.0 reads over 0.3 and the reverse")
  void tasksAreSharedByBothVersions() throws Exception {
    String v1Id = sentOverJsonRpc(server, "complete-task");
    String v03Id =
        json(server.post(
                "/tasks/send",
                rpc(
                    "message/send",
                    "{\"message\":{\"role\":\"user\",\"messageId\":\"m2\",\"parts\":[{\"kind\":\"text\",\"text\":\"hi\"}]}}")))
            .path("result")
            .path("id")
            .asText();

    JsonNode readOver03 =
        json(server.post("/", rpc("tasks/get", "{\"id\":\"" + v1Id + "\"}"))).path("result");
    JsonNode readOver1 = json(server.get("/tasks/" + v03Id, V1, "1.0"));

    assertThat(readOver03.path("status").path("state").asText()).isEqualTo("completed");
    assertThat(readOver03.path("kind").asText()).isEqualTo("task");
    assertThat(readOver1.path("status").path("state").asText()).isEqualTo("TASK_STATE_COMPLETED");
    assertThat(readOver1.path("history").get(0).path("role").asText()).isEqualTo("ROLE_USER");
  }

  @Test
  @DisplayName(
      "DM-SERIAL-001..003, DM-TASK-001/002, DM-STATUS-001, DM-MSG-002: ProtoJSON: camelCase names, enum names, ISO 8601 UTC timestamps, no 'kind'")
  void responsesAreProtoJson() throws Exception {
    JsonNode task =
        json(server.post("/message:send", sendMessage("artifact-text"), V1, "1.0")).path("task");

    assertThat(fieldNames(task)).noneMatch(name -> name.contains("_") || name.equals("kind"));
    assertThat(task.path("status").path("state").asText()).isEqualTo("TASK_STATE_COMPLETED");
    assertThat(task.path("history").get(1).path("role").asText()).isEqualTo("ROLE_AGENT");
    assertThat(task.path("status").path("timestamp").asText()).matches(TIMESTAMP);
    assertThat(task.path("artifacts").get(0).path("parts").get(0).path("text").asText())
        .isEqualTo("Generated text content");
  }

  @Test
  @DisplayName(
      "JSONRPC-FMT-001/002, JSONRPC-SVC-001: a JSON-RPC 2.0 envelope echoing the id, PascalCase methods, Content-Type application/json")
  void jsonRpcEnvelope() throws Exception {
    HttpResponse<String> response =
        server.post("/", rpc("SendMessage", sendMessage("complete-task")), V1, "1.0");

    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(json(response).path("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(json(response).path("id").asText()).isEqualTo("req-1");
    assertThat(json(response).path("result").has("task")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"GetTask", "CancelTask"})
  @DisplayName(
      "JSONRPC-ERR-001/002/003, JSONRPC-SSE-002, CORE-ERR-001: an A2A error is {code, message, data}, code in -32001..-32099, data holding its ErrorInfo")
  void jsonRpcErrorObject(String method) throws Exception {
    JsonNode error =
        json(server.post("/", rpc(method, "{\"id\":\"tck-nonexistent-1\"}"), V1, "1.0"))
            .path("error");

    assertThat(fieldNames(error)).containsExactlyInAnyOrder("code", "message", "data");
    assertThat(error.path("code").asInt()).isEqualTo(-32001);
    JsonNode info = error.path("data").get(0);
    assertThat(info.path("@type").asText()).isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
    assertThat(info.path("reason").asText()).isEqualTo("TASK_NOT_FOUND");
    assertThat(info.path("domain").asText()).isEqualTo("a2a-protocol.org");
  }

  @Test
  @DisplayName(
      "HTTP_JSON-ERR-001/002, HTTP_JSON-STATUS-001: errors are google.rpc.Status JSON (AIP-193) with the binding's statuses: 404, 409")
  void restErrorFormatAndStatuses() throws Exception {
    HttpResponse<String> notFound = server.get("/tasks/tck-nonexistent-2", V1, "1.0");
    String done =
        json(server.post("/message:send", sendMessage("complete-task"), V1, "1.0"))
            .path("task")
            .path("id")
            .asText();
    HttpResponse<String> notCancelable = server.post("/tasks/" + done + ":cancel", "{}", V1, "1.0");

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode error = json(notFound).path("error");
    assertThat(error.path("code").asInt()).isEqualTo(404);
    assertThat(error.path("status").asText()).isEqualTo("NOT_FOUND");
    assertThat(error.path("message").asText()).isNotEmpty();
    assertThat(error.path("details").get(0).path("reason").asText()).isEqualTo("TASK_NOT_FOUND");
    assertThat(notCancelable.statusCode()).isEqualTo(409);
    assertThat(json(notCancelable).path("error").path("details").get(0).path("reason").asText())
        .isEqualTo("TASK_NOT_CANCELABLE");
  }

  @Test
  @DisplayName(
      "HTTP_JSON-STATUS-001, JSONRPC-SSE-002: a body that is not declared JSON is ContentTypeNotSupported (HTTP 415, JSON-RPC -32005)")
  void nonJsonContentTypeIsRefused() throws Exception {
    HttpResponse<String> rest = postAsText("/message:send", sendMessage("status-ct"));
    HttpResponse<String> rpc = postAsText("/", rpc("SendMessage", sendMessage("error-code-005")));
    JsonNode rpcError = json(rpc).path("error");

    assertThat(rest.statusCode()).isEqualTo(415);
    assertThat(rpc.statusCode()).isEqualTo(415);
    assertThat(json(rest).path("error").path("details").get(0).path("reason").asText())
        .isEqualTo("CONTENT_TYPE_NOT_SUPPORTED");
    assertThat(rpcError.path("code").asInt()).isEqualTo(-32005);
  }

  @Test
  @DisplayName(
      "HTTP_JSON-URL-001/002, HTTP_JSON-QP-001: the spec's paths and methods; camelCase query parameters; other paths and methods are errors")
  void restPathsMethodsAndQueryParameters() throws Exception {
    JsonNode task =
        json(server.post("/message:send", sendMessage("input-required"), V1, "1.0")).path("task");
    String id = task.path("id").asText();
    String context = task.path("contextId").asText();

    JsonNode listed =
        json(server.get("/tasks?contextId=" + context + "&pageSize=1&historyLength=0", V1, "1.0"));
    HttpResponse<String> wrongMethod = server.get("/message:send", V1, "1.0");
    HttpResponse<String> unknownVerb = server.post("/tasks/" + id + ":pause", "{}", V1, "1.0");

    assertThat(listed.path("tasks")).hasSize(1);
    assertThat(listed.path("tasks").get(0).path("id").asText()).isEqualTo(id);
    assertThat(listed.path("tasks").get(0).has("history")).isFalse();
    assertThat(listed.path("nextPageToken").asText()).isEmpty();
    assertThat(listed.path("totalSize").asInt()).isEqualTo(1);
    assertThat(wrongMethod.statusCode()).isEqualTo(404);
    assertThat(unknownVerb.statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName(
      "JSONRPC-SSE-001, HTTP_JSON-SSE-001: streams are text/event-stream; JSON-RPC events wrap a StreamResponse in the envelope, HTTP+JSON events are the StreamResponse")
  void streamsAreServerSentEvents() throws Exception {
    HttpResponse<String> rpcStream =
        server.post("/", rpc("SendStreamingMessage", sendMessage("stream-003")), V1, "1.0");
    HttpResponse<String> restStream =
        server.post("/message:stream", sendMessage("stream-003"), V1, "1.0");

    assertThat(rpcStream.headers().firstValue("Content-Type")).contains("text/event-stream");
    assertThat(restStream.headers().firstValue("Content-Type")).contains("text/event-stream");
    List<JsonNode> rpcEvents = events(rpcStream);
    List<JsonNode> restEvents = events(restStream);
    assertThat(rpcEvents).allSatisfy(e -> assertThat(e.path("id").asText()).isEqualTo("req-1"));
    assertThat(rpcEvents.get(0).path("result").has("task")).isTrue();
    assertThat(restEvents.get(0).has("task")).isTrue();
    assertThat(
            restEvents
                .get(restEvents.size() - 1)
                .path("statusUpdate")
                .path("status")
                .path("state")
                .asText())
        .isEqualTo("TASK_STATE_COMPLETED");
  }

  @Test
  @DisplayName(
      "CORE-ERR-002, DM-SERIAL-004: a request missing a required field is InvalidParams naming it")
  void missingRequiredFieldIsInvalidParams() throws Exception {
    JsonNode error =
        json(server.post(
                "/",
                rpc(
                    "SendMessage",
                    "{\"message\":{\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"x\"}]}}"),
                V1,
                "1.0"))
            .path("error");
    HttpResponse<String> rest =
        server.post(
            "/message:send",
            "{\"message\":{\"role\":\"ROLE_USER\",\"messageId\":\"m\"}}",
            V1,
            "1.0");

    assertThat(error.path("code").asInt()).isEqualTo(-32602);
    assertThat(error.path("message").asText()).contains("message.messageId");
    assertThat(rest.statusCode()).isEqualTo(400);
    assertThat(json(rest).path("error").path("message").asText()).contains("message.parts");
  }

  @Test
  @DisplayName(
      "Limits, tracing and metrics are those of 0.3: a 1.0 send is a tasks_send_latency event with its task in either binding, any other operation a jsonrpc_request_latency event, and both are counted in /metrics/summary")
  void oneOnePointZeroRequestIsTracedAndCounted() throws Exception {
    TraceCapture trace = new TraceCapture();
    try (TestServer traced =
        TestServer.start(
            c -> c.maxBodyBytes(4096),
            new ConformanceAgent(),
            new TraceSettings(true, 1.0, null))) {
      String taskId =
          json(traced.post("/message:send", sendMessage("complete-task"), V1, "1.0"))
              .path("task")
              .path("id")
              .asText();
      String rpcTaskId = sentOverJsonRpc(traced, "complete-task");
      traced.post("/", rpc("GetTask", "{\"id\":\"" + taskId + "\"}"), V1, "1.0");
      traced.get("/tasks/" + taskId, V1, "1.0");
      HttpResponse<String> tooLarge =
          traced.post("/message:send", sendMessage("x".repeat(5000)), V1, "1.0");

      assertThat(trace.events("tasks_send_latency"))
          .filteredOn(e -> e.path("method").asText().equals("SendMessage"))
          .extracting(e -> e.path("task_id").asText())
          .contains(taskId, rpcTaskId);
      assertThat(trace.events("jsonrpc_request_latency"))
          .filteredOn(e -> e.path("method").asText().equals("GetTask"))
          .hasSize(2)
          .allSatisfy(e -> assertThat(e.has("task_id")).isFalse());
      assertThat(trace.events("agent_processing_detail"))
          .anySatisfy(e -> assertThat(e.path("task_id").asText()).isEqualTo(taskId));
      assertThat(
              json(traced.get("/metrics/summary"))
                  .path("stages")
                  .path("total")
                  .path("count")
                  .asInt())
          .isGreaterThanOrEqualTo(1);
      assertThat(tooLarge.statusCode()).isEqualTo(413);
    }
  }

  /** The id of the task a 1.0 JSON-RPC SendMessage of {@code scenario} created. */
  private static String sentOverJsonRpc(TestServer on, String scenario) throws Exception {
    return json(on.post("/", rpc("SendMessage", sendMessage(scenario)), V1, "1.0"))
        .path("result")
        .path("task")
        .path("id")
        .asText();
  }

  private static HttpResponse<String> postAsText(String path, String body) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "text/plain")
                .header(V1, "1.0")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    collect(node, names);
    return names;
  }

  private static void collect(JsonNode node, List<String> names) {
    if (node.isObject()) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        names.add(name);
        if (!name.equals("data") && !name.equals("metadata")) {
          collect(node.get(name), names);
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> collect(element, names));
    }
  }
}
