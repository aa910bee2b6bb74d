package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The budget of bytes held for requests in flight, against the shaded jar with a budget of 3 MiB:
 * clients that stall in the middle of 1 MiB uploads fill it, and then the next request gets 503
 * with {@code Retry-After} and a JSON-RPC error (a {@code google.rpc.Status} in A2A 1.0's HTTP+JSON
 * binding), whatever its protocol version and binding; a client that goes away gives its bytes
 * back, and so does every request that ends in an error. {@code /metrics/summary} shows what is
 * held, so each step waits for the server's state instead of guessing at it.
 */
class InFlightBudgetIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MIB = 1024 * 1024;
  private static final int BUDGET = 3 * MIB;
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PROBE = JsonRpcProtocolIT.send("\"probe\"", "hi");
  private static final String V1_SEND =
      "{\"message\":{\"role\":\"ROLE_USER\",\"messageId\":\"m\",\"parts\":[{\"text\":\"hi\"}]}}";
  private static final String V1_PROBE =
      "{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"SendMessage\",\"params\":" + V1_SEND + "}";
  private static ServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    server =
        ServerProcess.start(
            Map.of(
                "SIMULATED_LLM_LATENCY_MS", "0", "A2A_MAX_INFLIGHT_BYTES", String.valueOf(BUDGET)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void nothingIsHeld() throws Exception {
    awaitHeld(0);
  }

  @Test
  void requestsBeyondTheBudgetGet503UntilAStalledClientDisconnects() throws Exception {
    List<Socket> stalled = stalledUploads(BUDGET / MIB, MIB);
    try {
      awaitHeld(BUDGET);

      HttpResponse<String> busy = server.post(PROBE);
      assertThat(busy.statusCode()).isEqualTo(503);
      assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
      JsonNode error = JSON.readTree(busy.body());
      assertThat(error.path("jsonrpc").asText()).isEqualTo("2.0");
      assertThat(error.path("error").path("code").asInt()).isEqualTo(-32000);
      assertThat(error.path("error").path("message").asText()).contains("A2A_MAX_INFLIGHT_BYTES");
      HttpResponse<String> busyV1 = server.v1("POST", "/", V1_PROBE);
      assertThat(busyV1.statusCode()).isEqualTo(503);
      assertThat(busyV1.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(JSON.readTree(busyV1.body()).path("error").path("code").asInt()).isEqualTo(-32603);
      HttpResponse<String> busyRest = server.v1("POST", "/message:send", V1_SEND);
      assertThat(busyRest.statusCode()).isEqualTo(503);
      assertThat(busyRest.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(JSON.readTree(busyRest.body()).path("error").path("status").asText())
          .isEqualTo("UNAVAILABLE");

      stalled.remove(0).close();
      awaitHeld(BUDGET - MIB);
      HttpResponse<String> served = server.post(PROBE);
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(served.body()).path("result").path("status").path("state").asText())
          .isEqualTo("completed");
    } finally {
      close(stalled);
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

    for (int round = 0; round < 2 * BUDGET / MIB; round++) {
      for (String body : failing) {
        HttpResponse<String> response = server.post(body);
        assertThat(response.statusCode()).as("round %d", round).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asInt()).isNegative();
      }
      assertThat(server.v1("POST", "/", failing.get(0)).statusCode()).isEqualTo(200);
      assertThat(server.v1("POST", "/message:send", "{" + pad + ",").statusCode()).isEqualTo(400);
      assertThat(server.v1("POST", "/tasks/t:cancel", "{" + pad + "}").statusCode()).isEqualTo(404);
    }

    awaitHeld(0);
  }

  @Test
  void aTaskReadBackMustFitInTheBudgetToo() throws Exception {
    // About 0.95 MiB as the task is kept; half a megabyte is left of the budget below.
    String large = taskId(server.post(MemoryLimitsIT.sendOfAbout(MIB - 2_000, null)));
    String small = taskId(server.post(PROBE));
    List<Socket> stalled = stalledUploads(5, MIB / 2);
    try {
      awaitHeld(BUDGET - MIB / 2);

      HttpResponse<String> refused = server.post(get(large));
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(JSON.readTree(refused.body()).path("id").asText()).isEqualTo("g");
      assertThat(server.post(get(small)).statusCode()).isEqualTo(200);
      for (HttpResponse<String> v1Refused :
          List.of(
              server.v1("POST", "/", v1Get(large)), server.v1("GET", "/tasks/" + large, null))) {
        assertThat(v1Refused.statusCode()).as(v1Refused.body()).isEqualTo(503);
        assertThat(v1Refused.headers().firstValue("Retry-After")).hasValue("1");
      }
      assertThat(server.v1("POST", "/", v1Get(small)).statusCode()).isEqualTo(200);
      assertThat(server.v1("GET", "/tasks/" + small, null).statusCode()).isEqualTo(200);
    } finally {
      close(stalled);
    }
    awaitHeld(0);
    HttpResponse<String> served = server.post(get(large));
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(served.body()).path("result").path("id").asText()).isEqualTo(large);
    HttpResponse<String> servedV1 = server.v1("GET", "/tasks/" + large, null);
    assertThat(servedV1.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(servedV1.body()).path("id").asText()).isEqualTo(large);
  }

  @Test
  void aProtoJsonReadOfA1_0RequestIsReservedPerTokenBeforeItIsBuilt() throws Exception {
    // 20,001 numbers: about 40 KB on the wire, but some 3.9 MB reserved (192 bytes a token) for
    // the tree and the proto message that reading it builds, more than the 3 MiB budget holds.
    String data = "[" + "0,".repeat(20_000) + "0]";
    String send =
        "{\"message\":{\"role\":\"ROLE_USER\",\"messageId\":\"m\",\"parts\":[{\"text\":\"hi\"},"
            + "{\"data\":"
            + data
            + "}]}}";
    List<Socket> stalled = stalledUploads(1, MIB / 2);
    try {
      awaitHeld(MIB / 2);

      assertBothV1BindingsRefuseAsBusy(send);
    } finally {
      close(stalled);
    }
    awaitHeld(0);
    // Alone, a request may hold more than the budget, so that none is refused forever.
    HttpResponse<String> alone = server.v1("POST", "/", v1Rpc(send));
    assertThat(JSON.readTree(alone.body()).path("result").has("task")).as(alone.body()).isTrue();
    HttpResponse<String> aloneRest = server.v1("POST", "/message:send", send);
    assertThat(aloneRest.statusCode()).as(aloneRest.body()).isEqualTo(200);
    awaitHeld(0);
  }

  @Test
  void longStringsAreReservedPerByteBeforeTheyAreRead() throws Exception {
    // Four texts of 62,500 characters (each within A2A_MAX_TEXT_LENGTH): 250 KB on the wire, but
    // some 2.25 MB (0.3, 8 bytes a byte) and 3.25 MB (1.0, 12) reserved for the strings and buffers
    // that reading them builds, more than the 2 MiB the budget has left while a stalled upload
    // holds the rest.
    String text = "a".repeat(62_500);
    String v1Part = ",{\"text\":\"" + text + "\"}";
    String v1Send =
        "{\"message\":{\"role\":\"ROLE_USER\",\"messageId\":\"m\",\"parts\":["
            + v1Part.substring(1)
            + v1Part.repeat(3)
            + "]}}";
    String v03Part = ",{\"kind\":\"text\",\"text\":\"" + text + "\"}";
    String v03Send =
        "{\"jsonrpc\":\"2.0\",\"id\":\"long\",\"method\":\"message/send\",\"params\":{\"message\":"
            + "{\"kind\":\"message\",\"role\":\"user\",\"messageId\":\"m\",\"parts\":["
            + v03Part.substring(1)
            + v03Part.repeat(3)
            + "]}}}";
    List<Socket> stalled = stalledUploads(1, MIB);
    try {
      awaitHeld(MIB);

      HttpResponse<String> refused = server.post(v03Send);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      assertThat(JSON.readTree(refused.body()).path("error").path("code").asInt())
          .isEqualTo(-32000);
      HttpResponse<String> refusedStream =
          server.post(v03Send.replace("\"message/send\"", "\"message/stream\""));
      assertThat(refusedStream.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
      assertThat(refusedStream.body())
          .contains("\"code\":-32000")
          .contains("A2A_MAX_INFLIGHT_BYTES");
      assertBothV1BindingsRefuseAsBusy(v1Send);
    } finally {
      close(stalled);
    }
    awaitHeld(0);
    HttpResponse<String> served = server.post(v03Send);
    assertThat(JSON.readTree(served.body()).path("result").path("status").path("state").asText())
        .as(served.body())
        .isEqualTo("completed");
    assertThat(server.v1("POST", "/message:send", v1Send).statusCode()).isEqualTo(200);
    awaitHeld(0);
  }

  /**
   * Both 1.0 bindings, JSON-RPC and HTTP+JSON, refuse {@code send} as busy: 503 with a retry hint
   * naming the budget.
   */
  private static void assertBothV1BindingsRefuseAsBusy(String send) throws Exception {
    for (HttpResponse<String> refused :
        List.of(server.v1("POST", "/", v1Rpc(send)), server.v1("POST", "/message:send", send))) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(refused.body()).contains("A2A_MAX_INFLIGHT_BYTES");
    }
  }

  /** The JSON-RPC {@code SendMessage} request of the HTTP+JSON body {@code send}. */
  private static String v1Rpc(String send) {
    return "{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"SendMessage\",\"params\":" + send + "}";
  }

  /**
   * Connections that each declared a body of {@code length} bytes and sent only its first bytes.
   */
  private static List<Socket> stalledUploads(int count, int length) throws Exception {
    URI url = server.url();
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
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
      sockets.add(socket);
    }
    return sockets;
  }

  private static void close(List<Socket> sockets) throws Exception {
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  /** Waits until the server holds exactly {@code bytes} for requests in flight. */
  private static void awaitHeld(long bytes) {
    await(bytes + " bytes held for requests in flight")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(20))
        .until(InFlightBudgetIT::held, held -> held == bytes);
  }

  private static long held() throws Exception {
    return server.summary().path("in_flight").path("bytes").asLong(-1);
  }

  private static String v1Get(String taskId) {
    return "{\"jsonrpc\":\"2.0\",\"id\":\"g\",\"method\":\"GetTask\",\"params\":{\"id\":\""
        + taskId
        + "\"}}";
  }

  private static String get(String taskId) {
    return "{\"jsonrpc\":\"2.0\",\"id\":\"g\",\"method\":\"tasks/get\",\"params\":{\"id\":\""
        + taskId
        + "\"}}";
  }

  private static String taskId(HttpResponse<String> response) throws Exception {
    String id = JSON.readTree(response.body()).path("result").path("id").asText();
    assertThat(id).as(response.body()).isNotEmpty();
    return id;
  }
}
