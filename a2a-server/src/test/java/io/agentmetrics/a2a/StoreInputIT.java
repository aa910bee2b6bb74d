package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.a2a.store.postgres.LocalPostgres;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile values a client may send, through a real server into each store: in memory, and in a real
 * PostgreSQL (Debian's, started by {@link LocalPostgres}; those cases are skipped, saying why,
 * without it). PostgreSQL text cannot hold U+0000: an id holding it is refused as invalid params by
 * both, while message text holding it, any Unicode, metadata near the body limit and a history past
 * its bound are stored and read back as in memory, never a 5xx or a "retry" error.
 */
class StoreInputIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NUL = "\u0000";

  /** A metadata value as long as a string may be, with room for its name and quotes. */
  private static final String LONGEST_VALUE =
      "m".repeat(LimitsConfig.DEFAULT_MAX_STRING_LENGTH - 1_024);

  enum Store {
    MEMORY,
    POSTGRES
  }

  private static final Map<Store, TestServer> servers = new EnumMap<>(Store.class);
  private static @Nullable LocalPostgres database;

  @BeforeAll
  static void start() throws Exception {
    servers.put(Store.MEMORY, TestServer.start());
    if (LocalPostgres.unavailableReason().isEmpty()) {
      database = LocalPostgres.startNew();
      servers.put(Store.POSTGRES, TestServer.startOn(StoreSettings.postgres(database.settings())));
    }
  }

  @AfterAll
  static void stop() {
    servers.values().forEach(TestServer::close);
    if (database != null) {
      database.close();
    }
  }

  private static TestServer server(Store store) {
    assumeTrue(
        servers.containsKey(store),
        () -> "skipped: " + LocalPostgres.unavailableReason().orElse(""));
    return servers.get(store);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void idsHoldingNulAreRefusedAsInvalidParams(Store store) throws Exception {
    TestServer server = server(store);
    String id = "t" + NUL + "x";

    for (String request :
        new String[] {
          send(message("hi").put("contextId", "c" + NUL + "x")),
          send(message("hi").put("taskId", id)),
          rpc("tasks/get", JSON.createObjectNode().put("id", id)),
          rpc("tasks/cancel", JSON.createObjectNode().put("id", id)),
          rpc("tasks/pushNotificationConfig/list", JSON.createObjectNode().put("id", id))
        }) {
      JsonNode error = reply(server, request).path("error");
      assertThat(error.path("code").asInt()).as(request).isEqualTo(-32602);
      assertThat(error.path("message").asText()).as(request).contains("NUL");
    }
    JsonNode v1 =
        JSON.readTree(
            server
                .post(
                    "/",
                    rpc("GetTask", JSON.createObjectNode().put("id", id)),
                    "A2A-Version",
                    "1.0")
                .body());
    assertThat(v1.path("error").path("code").asInt()).isEqualTo(-32602);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void textHoldingNulAndAnyUnicodeIsStoredAndReadBackExactly(Store store) throws Exception {
    TestServer server = server(store);
    String text = "nul" + NUL + "end 😀 שלום e\u0301 \uFEFF 漢字 \u202Eevil";
    String context = "ctx-😀-" + UUID.randomUUID();

    JsonNode sent = reply(server, send(message(text).put("contextId", context))).path("result");
    JsonNode read = get(server, sent.path("id").asText());

    assertThat(sent.path("status").path("state").asText()).isEqualTo("completed");
    assertThat(read.path("contextId").asText()).isEqualTo(context);
    assertThat(read.path("history").path(0).path("parts").path(0).path("text").asText())
        .isEqualTo(text);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void metadataNearTheBodyLimitIsStoredAndReadBack(Store store) throws Exception {
    TestServer server = server(store);
    ObjectNode message = message("big");
    ObjectNode metadata = fillMetadata(message);

    JsonNode sent = reply(server, send(message));
    assertThat(sent.has("result")).as("%s", sent.path("error")).isTrue();
    JsonNode read = get(server, sent.path("result").path("id").asText());

    assertThat(read.path("history").path(0).path("metadata")).isEqualTo(metadata);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aHistoryPastItsBoundKeepsTheNewestMessages(Store store) throws Exception {
    TestServer server = server(store);
    String id = reply(server, send(message("turn 0"))).path("result").path("id").asText();
    // Each turn adds the user's message and the agent's reply: one turn more than the bound holds.
    int turns = TasksConfig.DEFAULT_MAX_TASK_HISTORY / 2;
    for (int i = 1; i <= turns; i++) {
      JsonNode result = reply(server, send(message("turn " + i).put("taskId", id))).path("result");
      assertThat(result.path("status").path("state").asText()).isEqualTo("completed");
    }

    JsonNode history = get(server, id).path("history");

    assertThat(history).hasSize(TasksConfig.DEFAULT_MAX_TASK_HISTORY);
    assertThat(history.get(0).path("parts").path(0).path("text").asText()).isEqualTo("turn 1");
    assertThat(history.get(history.size() - 2).path("parts").path(0).path("text").asText())
        .isEqualTo("turn " + turns);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aTaskThatOutgrowsTheBodyLimitTurnByTurnIsReadBack(Store store) throws Exception {
    TestServer server = server(store);
    // Each turn's metadata fills most of a body, so three turns make a task of three bodies.
    String id = null;
    for (int turn = 0; turn < 3; turn++) {
      ObjectNode message = message("turn " + turn);
      if (id != null) {
        message.put("taskId", id);
      }
      fillMetadata(message);
      JsonNode sent = reply(server, send(message));
      assertThat(sent.path("result").path("status").path("state").asText())
          .as("%s", sent.path("error"))
          .isEqualTo("completed");
      id = sent.path("result").path("id").asText();
    }

    JsonNode history = get(server, id).path("history");

    assertThat(history).hasSize(6);
    assertThat(history.get(4).path("metadata").path("blob-0").asText()).isEqualTo(LONGEST_VALUE);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aConversationThatOutgrowsTheBodyLimitTurnByTurnIsStillRead(Store store) throws Exception {
    TestServer server = server(store);
    String context = "ctx-long-" + UUID.randomUUID();
    String text = "t".repeat(LimitsConfig.DEFAULT_MAX_TEXT_LENGTH - 16);
    // Twenty sends of the longest text are well over a body of turns in the conversation.
    for (int turn = 0; turn < 20; turn++) {
      JsonNode sent = reply(server, send(message(turn + " " + text).put("contextId", context)));
      assertThat(sent.path("result").path("status").path("state").asText())
          .as("turn %d: %s", turn, sent.path("error"))
          .isEqualTo("completed");
    }
  }

  /** Gives {@code message} metadata of as many of the longest strings as fit in a body. */
  private static ObjectNode fillMetadata(ObjectNode message) {
    ObjectNode metadata = message.putObject("metadata");
    int values = LimitsConfig.DEFAULT_MAX_BODY_BYTES / LONGEST_VALUE.length() - 1;
    for (int i = 0; i < values; i++) {
      metadata.put("blob-" + i, LONGEST_VALUE);
    }
    return metadata;
  }

  private static JsonNode get(TestServer server, String id) throws Exception {
    JsonNode read = reply(server, rpc("tasks/get", JSON.createObjectNode().put("id", id)));
    assertThat(read.has("result")).as(read.toString()).isTrue();
    return read.path("result");
  }

  private static JsonNode reply(TestServer server, String request) throws Exception {
    HttpResponse<String> response = server.post("/", request);
    assertThat(response.statusCode()).as(request).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static ObjectNode message(String text) {
    ObjectNode message =
        JSON.createObjectNode()
            .put("kind", "message")
            .put("role", "user")
            .put("messageId", UUID.randomUUID().toString());
    message.putArray("parts").addObject().put("kind", "text").put("text", text);
    return message;
  }

  private static String send(ObjectNode message) {
    ObjectNode params = JSON.createObjectNode();
    params.set("message", message);
    return rpc("message/send", params);
  }

  private static String rpc(String method, ObjectNode params) {
    ObjectNode request =
        JSON.createObjectNode().put("jsonrpc", "2.0").put("id", "1").put("method", method);
    request.set("params", params);
    return request.toString();
  }
}
