package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.store.postgres.LocalPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of malformed requests against the real server: mutated Telex bodies, random bytes, deep
 * nesting, huge strings and bodies, wrong content types, invalid UTF-8, and every method with wrong
 * params. No reply is a 5xx, none hangs, every one is a well-formed JSON-RPC error (or a valid
 * result; a body that is not {@code application/json} gets 415), and the server still answers a
 * valid request afterwards: with its tasks in memory, and in PostgreSQL.
 */
class MalformedRequestsIT {

  private static final long SEED = 20261122L;
  private static final String SYNTAX = "{}[]\",:\\0-e";
  private static final int MUTATIONS = 2_000;
  private static final int RANDOM_BODIES = 500;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final List<String> METHODS =
      List.of(
          "message/send",
          "message/stream",
          "tasks/get",
          "tasks/cancel",
          "tasks/resubscribe",
          "tasks/pushNotificationConfig/set",
          "tasks/pushNotificationConfig/get",
          "tasks/pushNotificationConfig/list",
          "tasks/pushNotificationConfig/delete");
  private static final List<String> WRONG_PARAMS =
      List.of(
          "{}",
          "[]",
          "null",
          "42",
          "\"text\"",
          "{\"id\":7}",
          "{\"id\":{}}",
          "{\"taskId\":[]}",
          "{\"message\":\"hi\"}",
          "{\"message\":{\"role\":\"user\",\"parts\":\"no\"}}",
          "{\"message\":{\"role\":7,\"messageId\":\"m\",\"parts\":[]}}",
          "{\"message\":{\"role\":\"user\",\"messageId\":\"m\",\"parts\":[{\"kind\":\"text\"}]}}",
          "{\"pushNotificationConfig\":{\"url\":\"ftp://x\"},\"taskId\":\"t\"}",
          "{\"id\":\"t\",\"historyLength\":-5}");

  @Test
  void everyMalformedRequestGetsAJsonRpcErrorAndTheServerStaysHealthy() throws Exception {
    try (TestServer server = TestServer.start()) {
      assertEveryMalformedRequestGetsAJsonRpcError(server);
    }
  }

  @Test
  void everyMalformedRequestGetsAJsonRpcErrorOnThePostgresStoreToo() throws Exception {
    assumeTrue(
        LocalPostgres.unavailableReason().isEmpty(),
        () -> "skipped: " + LocalPostgres.unavailableReason().orElse(""));
    try (LocalPostgres database = LocalPostgres.startNew();
        TestServer server = TestServer.startOn(StoreSettings.postgres(database.settings()))) {
      assertEveryMalformedRequestGetsAJsonRpcError(server);
    }
  }

  private static void assertEveryMalformedRequestGetsAJsonRpcError(TestServer server)
      throws Exception {
    Random random = new Random(SEED);
    List<Request> requests = new ArrayList<>();
    byte[] telex =
        Files.readAllBytes(Path.of("src/test/resources/telex/message-send-nonblocking.json"));
    for (int i = 0; i < MUTATIONS; i++) {
      requests.add(Request.json(mutate(telex, random)));
    }
    for (int i = 0; i < RANDOM_BODIES; i++) {
      byte[] bytes = new byte[random.nextInt(2_048)];
      random.nextBytes(bytes);
      requests.add(Request.json(bytes));
    }
    for (String method : METHODS) {
      for (String params : WRONG_PARAMS) {
        requests.add(
            Request.json(
                ("{\"jsonrpc\":\"2.0\",\"id\":\"w\",\"method\":\""
                        + method
                        + "\",\"params\":"
                        + params
                        + "}")
                    .getBytes(StandardCharsets.UTF_8)));
      }
    }
    requests.add(
        Request.json(("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8)));
    requests.add(
        Request.json(
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"a\":"
                    + "{\"b\":".repeat(2_000)
                    + "1"
                    + "}".repeat(2_001)
                    + "}")
                .getBytes(StandardCharsets.UTF_8)));
    requests.add(
        Request.json(
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + "x".repeat(2_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8)));
    requests.add(Request.json(new byte[2 * 1024 * 1024]));
    requests.add(
        Request.json(new byte[] {'{', '"', 'j', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}));
    requests.add(new Request("text/plain", "jsonrpc 2.0 please".getBytes(StandardCharsets.UTF_8)));
    requests.add(new Request("application/xml", "<rpc/>".getBytes(StandardCharsets.UTF_8)));
    requests.add(Request.json(new byte[0]));

    for (String path : List.of("/", "/tasks/send")) {
      URI uri = server.uri(path);
      for (Request request : requests) {
        assertWellFormedReply(uri, request);
      }
    }

    HttpResponse<String> valid =
        server.post("/", JsonRpcProtocolIT.send("\"after\"", "Still there?"));
    assertThat(valid.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(valid.body()).path("result").path("status").path("state").asText())
        .isEqualTo("completed");
  }

  private static void assertWellFormedReply(URI uri, Request request)
      throws IOException, InterruptedException {
    String shown = describe(request.body());
    HttpResponse<byte[]> response;
    try {
      // The server answers an oversized body with 413 and "Connection: close"; a client of its
      // own keeps that closing connection out of the shared client's pool.
      HttpClient client =
          request.body().length > LimitsConfig.DEFAULT_MAX_BODY_BYTES
              ? HttpClient.newHttpClient()
              : HTTP;
      response =
          client.send(
              HttpRequest.newBuilder(uri)
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", request.contentType())
                  .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError("no reply to " + shown, e);
    }
    if (request.contentType().equals("application/json")) {
      assertThat(response.statusCode()).as("status for %s", shown).isIn(200, 413);
    } else {
      assertThat(response.statusCode()).as("status for %s", shown).isEqualTo(415);
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (contentType.startsWith("text/event-stream")) {
      return;
    }
    assertThat(contentType).as("content type for %s", shown).startsWith("application/json");
    JsonNode reply = JSON.readTree(response.body());
    assertThat(reply.path("jsonrpc").asText()).as(shown).isEqualTo("2.0");
    assertThat(reply.has("id")).as(shown).isTrue();
    if (!reply.has("result")) {
      int code = reply.path("error").path("code").asInt();
      assertThat(code)
          .as("error code for %s", shown)
          .isBetween(-32700, -32000)
          .isNotEqualTo(-32603);
      assertThat(reply.path("error").path("message").asText()).as(shown).isNotBlank();
    }
  }

  /** Flips, inserts, deletes or duplicates a few bytes of a real Telex body. */
  private static byte[] mutate(byte[] original, Random random) {
    List<Byte> bytes = new ArrayList<>(original.length + 16);
    for (byte b : original) {
      bytes.add(b);
    }
    int edits = 1 + random.nextInt(8);
    for (int e = 0; e < edits && !bytes.isEmpty(); e++) {
      int at = random.nextInt(bytes.size());
      switch (random.nextInt(4)) {
        case 0 -> bytes.set(at, (byte) random.nextInt(256));
        case 1 -> bytes.add(at, (byte) SYNTAX.charAt(random.nextInt(SYNTAX.length())));
        case 2 -> bytes.remove(at);
        default -> bytes.add(at, bytes.get(random.nextInt(bytes.size())));
      }
    }
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }

  private static String describe(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
    return body.length + " bytes: " + text;
  }

  // Holds a body to send as it is; no one compares or hashes requests.
  @SuppressWarnings("ArrayRecordComponent")
  private record Request(String contentType, byte[] body) {
    static Request json(byte[] body) {
      return new Request("application/json", body);
    }
  }
}
