package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.RawHttp.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 23's connection defences hold for A2A 1.0's two bindings as they do for 0.3 ({@link
 * SlowClientsIT}, {@link StreamFloodIT}, {@link AgentQueueIT}, {@link BrowserDefencesIT}): the same
 * gate refuses an unauthenticated request and a non-JSON post before their bodies, cuts off a slow
 * body, and guards the Host; 1.0 streams count against the same stream caps and hold no thread; 1.0
 * sends go through the same agent queue and are cancelled by a client that leaves; and "busy" is
 * HTTP 503 with {@code Retry-After} in each binding's error shape.
 */
class A2aV1SecurityIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration READ = Duration.ofSeconds(30);

  private final List<RawHttp> clients = new ArrayList<>();

  @AfterEach
  void closeClients() throws IOException {
    for (RawHttp client : clients) {
      client.close();
    }
  }

  /** A2A 1.0's bindings, as raw requests. */
  enum Binding {
    JSON_RPC {
      @Override
      String sendPath() {
        return "/";
      }

      @Override
      String send(String text) {
        return rpc("SendMessage", "{\"message\":" + message(text) + "}");
      }

      @Override
      String streamPath() {
        return "/";
      }

      @Override
      String stream(String text) {
        return rpc("SendStreamingMessage", "{\"message\":" + message(text) + "}");
      }

      @Override
      String subscribePath(String taskId) {
        return "/";
      }

      @Override
      String subscribe(String taskId) {
        return rpc("SubscribeToTask", "{\"id\":\"" + taskId + "\"}");
      }

      @Override
      JsonNode answer(JsonNode body) {
        return body.path("result");
      }

      @Override
      void assertBusy(Reply refused, String setting) throws IOException {
        JsonNode error = JSON.readTree(refused.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(-32603);
        assertThat(error.path("message").asText()).contains(setting);
      }
    },
    HTTP_JSON {
      @Override
      String sendPath() {
        return "/message:send";
      }

      @Override
      String send(String text) {
        return "{\"message\":" + message(text) + "}";
      }

      @Override
      String streamPath() {
        return "/message:stream";
      }

      @Override
      String stream(String text) {
        return send(text);
      }

      @Override
      String subscribePath(String taskId) {
        return "/tasks/" + taskId + ":subscribe";
      }

      @Override
      String subscribe(String taskId) {
        return "";
      }

      @Override
      JsonNode answer(JsonNode body) {
        return body;
      }

      @Override
      void assertBusy(Reply refused, String setting) throws IOException {
        JsonNode error = JSON.readTree(refused.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(503);
        assertThat(error.path("status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(error.path("message").asText()).contains(setting);
      }
    };

    abstract String sendPath();

    abstract String send(String text);

    abstract String streamPath();

    abstract String stream(String text);

    abstract String subscribePath(String taskId);

    abstract String subscribe(String taskId);

    /** The result in a response or event body: the JSON-RPC result, or the body itself. */
    abstract JsonNode answer(JsonNode body);

    /** Asserts the binding's busy error, naming {@code setting}. */
    abstract void assertBusy(Reply refused, String setting) throws IOException;

    private static String rpc(String method, String params) {
      return "{\"jsonrpc\":\"2.0\",\"id\":\""
          + method
          + "\",\"method\":\""
          + method
          + "\",\"params\":"
          + params
          + "}";
    }

    private static String message(String text) {
      return "{\"role\":\"ROLE_USER\",\"messageId\":\"m-"
          + Integer.toHexString(text.hashCode())
          + "\",\"parts\":[{\"text\":\""
          + text
          + "\"}]}";
    }
  }

  @ParameterizedTest
  @EnumSource(Binding.class)
  void aFormTextOrMultipartPostIsRefusedWith415BeforeItsBodyIsRead(Binding binding)
      throws Exception {
    try (TestServer server = TestServer.start()) {
      for (String type :
          List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; b=x")) {
        try (RawHttp http = RawHttp.open(server, Duration.ofSeconds(10))) {
          // Only the head: a server that reads the body first never answers.
          http.send(
              RawHttp.postHead(
                  server, binding.sendPath(), 1000, "A2A-Version: 1.0", "Content-Type: " + type));

          Reply refused = http.reply();

          assertThat(refused.status()).as(type).isEqualTo(415);
          assertThat(refused.body()).as(type).contains("CONTENT_TYPE_NOT_SUPPORTED");
          assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
      }
      // The types the TCK and 1.0 clients send are read.
      for (String type : List.of("application/json", "application/a2a+json; charset=utf-8")) {
        Reply served =
            exchange(
                server,
                RawHttp.post(
                    server,
                    binding.sendPath(),
                    binding.send("typed"),
                    "A2A-Version: 1.0",
                    "Content-Type: " + type));
        assertThat(served.status()).as(type).isEqualTo(200);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Binding.class)
  void aForeignHostIsRefusedAndAnswersCarryNosniffAndNoStore(Binding binding) throws Exception {
    try (TestServer server = TestServer.start()) {
      String send = binding.send("hosted");
      String foreign =
          RawHttp.post(server, binding.sendPath(), send, "A2A-Version: 1.0")
              .replace("Host: " + server.uri("/").getAuthority(), "Host: evil.example");

      assertThat(exchange(server, foreign).status()).isEqualTo(403);
      Reply served =
          exchange(server, RawHttp.post(server, binding.sendPath(), send, "A2A-Version: 1.0"));
      assertThat(served.status()).isEqualTo(200);
      assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(served.header("Cache-Control")).isEqualTo("no-store");
    }
  }

  @ParameterizedTest
  @EnumSource(Binding.class)
  void healthAndCardAnswerWhileFortyStreamsWaitForEvents(Binding binding) throws Exception {
    GatedProcessor agent = new GatedProcessor();
    try (TestServer server = TestServer.start(c -> c.httpMaxThreads(16), agent)) {
      RawHttp.warmUp(server);
      List<RawHttp> streams = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        streams.add(stream(server, binding, "s" + i));
      }
      // A server that holds a thread per stream starts no more than its pool has threads.
      for (RawHttp stream : streams) {
        stream.readTimeout(Duration.ofSeconds(10));
        JsonNode first = binding.answer(JSON.readTree(stream.nextEvent()));
        assertThat(first.path("task").path("id").asText()).isNotEmpty();
      }

      RawHttp.assertHealthAndCardAnswerWithinOneSecond(server);

      agent.release.countDown();
      for (RawHttp stream : streams) {
        assertThat(stream.readUntil("TASK_STATE_COMPLETED")).isNotEmpty();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Binding.class)
  void aStreamOverTheServerCapIsBusyWhicheverVersionHoldsTheOthers(Binding binding)
      throws Exception {
    GatedProcessor agent = new GatedProcessor();
    try (TestServer server = TestServer.start(c -> c.maxStreams(2), agent)) {
      RawHttp v03 = RawHttp.open(server, READ);
      clients.add(v03);
      v03.send(
          RawHttp.post(
              server,
              "/",
              JsonRpcProtocolIT.send("1", "held").replace("message/send", "message/stream")));
      v03.nextEvent();
      stream(server, binding, "held too").nextEvent();

      Reply refused = exchange(server, streamRequest(server, binding, "one too many"));

      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isEqualTo("1");
      binding.assertBusy(refused, "A2A_MAX_STREAMS");
      agent.release.countDown();
    }
  }

  @ParameterizedTest
  @EnumSource(Binding.class)
  void aSubscriptionOverThePerTaskCapIsBusy(Binding binding) throws Exception {
    GatedProcessor agent = new GatedProcessor();
    try (TestServer server = TestServer.start(c -> c.maxStreamsPerTask(2), agent)) {
      RawHttp first = stream(server, binding, "capped");
      String taskId =
          binding.answer(JSON.readTree(first.nextEvent())).path("task").path("id").asText();
      RawHttp second = open(server);
      second.send(subscribeRequest(server, binding, taskId));
      second.nextEvent();

      Reply refused = exchange(server, subscribeRequest(server, binding, taskId));

      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isEqualTo("1");
      binding.assertBusy(refused, "A2A_MAX_STREAMS_PER_TASK");
      agent.release.countDown();
    }
  }

  @ParameterizedTest
  @EnumSource(Binding.class)
  void aSendTheAgentQueueCannotTakeIsBusyAtOnce(Binding binding) throws Exception {
    BlockingAgent agent = new BlockingAgent();
    try (TestServer server =
        TestServer.start(c -> c.agentThreads(1).agentQueueCapacity(1), agent)) {
      RawHttp running = send(server, binding, "runs");
      agent.awaitStarted(1);
      RawHttp queued = send(server, binding, "waits");
      AgentQueueIT.awaitQueued(server, 1);

      long started = System.nanoTime();
      Reply refused = send(server, binding, "one too many").reply();

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isEqualTo("1");
      binding.assertBusy(refused, "A2A_AGENT_QUEUE");
      agent.open();
      for (RawHttp served : List.of(running, queued)) {
        Reply reply = served.reply();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(
                binding
                    .answer(JSON.readTree(reply.body()))
                    .path("task")
                    .path("status")
                    .path("state")
                    .asText())
            .isEqualTo("TASK_STATE_COMPLETED");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Binding.class)
  void aClientThatDisconnectsCancelsItsRunningTurn(Binding binding) throws Exception {
    BlockingAgent agent = new BlockingAgent();
    try (TestServer server = TestServer.start(c -> c, agent)) {
      RawHttp client = send(server, binding, "I will not wait");
      agent.awaitStarted(1);

      client.close();

      assertThat(agent.interrupted.tryAcquire(10, TimeUnit.SECONDS))
          .as("the agent's turn was interrupted")
          .isTrue();
      assertThat(AgentQueueIT.taskState(server, agent.requests.get(0).taskId()))
          .isEqualTo("canceled");
    }
  }

  private RawHttp open(TestServer server) throws IOException {
    RawHttp client = RawHttp.open(server, READ);
    clients.add(client);
    return client;
  }

  private RawHttp send(TestServer server, Binding binding, String text) throws IOException {
    RawHttp client = open(server);
    client.send(RawHttp.post(server, binding.sendPath(), binding.send(text), "A2A-Version: 1.0"));
    return client;
  }

  private RawHttp stream(TestServer server, Binding binding, String text) throws IOException {
    RawHttp client = open(server);
    client.send(streamRequest(server, binding, text));
    return client;
  }

  private static String streamRequest(TestServer server, Binding binding, String text) {
    return RawHttp.post(server, binding.streamPath(), binding.stream(text), "A2A-Version: 1.0");
  }

  private static String subscribeRequest(TestServer server, Binding binding, String taskId) {
    return RawHttp.post(
        server, binding.subscribePath(taskId), binding.subscribe(taskId), "A2A-Version: 1.0");
  }

  private static Reply exchange(TestServer server, String request) throws IOException {
    try (RawHttp http = RawHttp.open(server, READ)) {
      http.send(request);
      return http.reply();
    }
  }
}
