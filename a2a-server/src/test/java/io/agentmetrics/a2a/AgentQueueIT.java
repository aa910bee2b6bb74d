package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.RawHttp.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Blocking sends wait for the agent without holding a request thread beyond the few that run turns;
 * the agent queue refuses at once what it cannot take, with a retryable error; and a client that
 * disconnects cancels its turn, running or still waiting.
 */
class AgentQueueIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration READ = Duration.ofSeconds(30);

  private final List<RawHttp> clients = new ArrayList<>();

  @AfterEach
  void closeClients() throws IOException {
    for (RawHttp client : clients) {
      client.close();
    }
  }

  @Test
  void healthAndCardAnswerWhileAHundredBlockingSendsWaitForTheAgent() throws Exception {
    BlockingAgent agent = new BlockingAgent();
    try (TestServer server = TestServer.start(c -> c.httpMaxThreads(16), agent)) {
      RawHttp.warmUp(server);
      for (int i = 0; i < 100; i++) {
        send(server, "/", "\"b" + i + "\"", "question " + i);
      }
      // Turns run and hold the agent's slots (a server with a thread per send runs at most as
      // many as its pool has handler threads, 14 of these 16).
      agent.awaitStarted(8);

      RawHttp.assertHealthAndCardAnswerWithinOneSecond(server);

      agent.open();
      for (RawHttp client : clients) {
        Reply reply = client.reply();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(JSON.readTree(reply.body()).path("result").path("status").path("state").asText())
            .isEqualTo("completed");
      }
    }
  }

  @Test
  void aSendTheQueueCannotTakeIsRefusedAtOnceWithARetryableError() throws Exception {
    BlockingAgent agent = new BlockingAgent();
    try (TestServer server =
        TestServer.start(c -> c.agentThreads(1).agentQueueCapacity(2), agent)) {
      RawHttp running = send(server, "/", "1", "runs");
      agent.awaitStarted(1);
      RawHttp firstQueued = send(server, "/", "2", "waits");
      RawHttp secondQueued = send(server, "/", "3", "waits too");
      awaitQueued(server, 2);

      for (String configuration : List.of("", ",\"configuration\":{\"blocking\":false}")) {
        long started = System.nanoTime();
        Reply refused = send(server, "/", "4", "one too many", configuration).reply();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        JsonNode error = JSON.readTree(refused.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(-32000);
        assertThat(error.path("message").asText()).contains("busy", "A2A_AGENT_QUEUE");
      }

      agent.open();
      for (RawHttp served : List.of(running, firstQueued, secondQueued)) {
        assertThat(served.reply().status()).isEqualTo(200);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/tasks/send"})
  void aClientThatDisconnectsCancelsItsRunningTurn(String path) throws Exception {
    BlockingAgent agent = new BlockingAgent();
    try (TestServer server = TestServer.start(c -> c, agent)) {
      RawHttp client = send(server, path, "\"gone\"", "I will not wait");
      agent.awaitStarted(1);

      client.close();

      assertThat(agent.interrupted.tryAcquire(10, TimeUnit.SECONDS))
          .as("the agent's turn was interrupted")
          .isTrue();
      assertThat(taskState(server, agent.requests.get(0).taskId())).isEqualTo("canceled");
    }
  }

  @Test
  void aClientThatDisconnectsWhileItsTurnWaitsCancelsItBeforeItRuns() throws Exception {
    BlockingAgent agent = new BlockingAgent();
    try (TestServer server = TestServer.start(c -> c.agentThreads(1), agent)) {
      RawHttp first = send(server, "/", "1", "first");
      agent.awaitStarted(1);
      RawHttp second = send(server, "/", "2", "second");
      awaitQueued(server, 1);

      second.close();
      awaitQueued(server, 0);
      agent.open();
      assertThat(first.reply().status()).isEqualTo(200);
      JsonNode third = JSON.readTree(server.post("/", JsonRpcProtocolIT.send("3", "third")).body());

      assertThat(third.path("result").path("status").path("state").asText()).isEqualTo("completed");
      assertThat(agent.requests)
          .extracting(r -> r.message().texts().get(0))
          .containsExactly("first", "third");
    }
  }

  private RawHttp send(TestServer server, String path, String id, String text) throws IOException {
    return send(server, path, id, text, "");
  }

  private RawHttp send(TestServer server, String path, String id, String text, String config)
      throws IOException {
    RawHttp client = RawHttp.open(server, READ);
    clients.add(client);
    client.send(
        RawHttp.post(
            server,
            path,
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + id
                + ",\"method\":\"message/send\",\"params\":{\"message\":"
                + JsonRpcProtocolIT.message(text)
                + config
                + "}}"));
    return client;
  }

  /** The state of task {@code taskId}, read over A2A 0.3 ({@code tasks/get}). */
  static String taskState(TestServer server, String taskId) throws Exception {
    return JSON.readTree(
            server
                .post(
                    "/",
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tasks/get\",\"params\":{\"id\":\""
                        + taskId
                        + "\"}}")
                .body())
        .path("result")
        .path("status")
        .path("state")
        .asText();
  }

  /** Waits until {@code /metrics/summary} counts {@code queued} turns waiting for the agent. */
  static void awaitQueued(TestServer server, long queued) {
    await(queued + " queued turns")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                JSON.readTree(server.get("/metrics/summary").body())
                    .path("stores")
                    .path("tasks")
                    .path("queuedTurns")
                    .asLong(),
            seen -> seen == queued);
  }
}
