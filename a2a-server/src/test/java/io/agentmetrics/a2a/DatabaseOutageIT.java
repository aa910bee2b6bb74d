package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.lf.a2a.v1.Message;
import com.google.lf.a2a.v1.Part;
import com.google.lf.a2a.v1.Role;
import com.google.lf.a2a.v1.SendMessageConfiguration;
import com.google.lf.a2a.v1.SendMessageRequest;
import com.google.lf.a2a.v1.Task;
import com.google.lf.a2a.v1.TaskState;
import io.agentmetrics.a2a.profile.A2aV1Client;
import io.agentmetrics.a2a.store.postgres.LocalPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server on PostgreSQL whose database goes down answers at once as a busy server does (HTTP 503,
 * {@code Retry-After}, the retryable {@code -32000}), keeps answering what needs no database, and
 * serves its tasks again once the database is back, without a restart; a turn that ended meanwhile
 * is stored as it ended for its caller.
 */
class DatabaseOutageIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** Far above the connection timeout: only a hang reaches it. */
  private static final Duration HANG = Duration.ofSeconds(30);

  @BeforeEach
  void needsPostgres() {
    assumeTrue(
        LocalPostgres.unavailableReason().isEmpty(),
        () -> "skipped: " + LocalPostgres.unavailableReason().orElse(""));
  }

  private static ServerProcess serverOn(LocalPostgres database, String llmLatencyMs)
      throws Exception {
    return ServerProcess.start(
        Map.of(
            "A2A_TASK_STORE",
            "postgres",
            "A2A_DATABASE_URL",
            database.jdbcUrl(),
            "A2A_DATABASE_USER",
            LocalPostgres.USER,
            "SIMULATED_LLM_LATENCY_MS",
            llmLatencyMs));
  }

  @Test
  void requestsFailFastWithARetryableErrorWhileTheDatabaseIsDownAndSucceedAfter() throws Exception {
    try (LocalPostgres database = LocalPostgres.startNew();
        ServerProcess server = serverOn(database, "0")) {
      JsonNode sent =
          JSON.readTree(server.post(JsonRpcProtocolIT.send("1", "hello")).body()).path("result");
      String id = sent.path("id").asText();
      assertThat(sent.path("status").path("state").asText()).isEqualTo("completed");
      String get = JsonRpcProtocolIT.rpc("2", "tasks/get", "{\"id\":\"" + id + "\"}");

      database.stop();
      HttpResponse<String> refused = server.post(get);
      JsonNode down = JSON.readTree(refused.body());

      // The answer of a busy server: 503, Retry-After and -32000.
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(down.path("error").path("code").asInt()).isEqualTo(-32000);
      assertThat(down.path("error").path("message").asText()).contains("retry");
      database.start();
      await()
          .atMost(WAIT)
          .until(
              () -> JSON.readTree(server.post(get).body()).path("result").path("id").asText(),
              id::equals);
    }
  }

  @Test
  void aTurnEndingWhileTheDatabaseIsDownIsStoredFailedOnceItIsBack() throws Exception {
    try (LocalPostgres database = LocalPostgres.startNew();
        ServerProcess server = serverOn(database, "5000")) {
      A2aV1Client client =
          new A2aV1Client(HTTP, server.url(), A2aV1Client.Binding.JSON_RPC, null, WAIT);
      String id =
          client
              .sendMessage(
                  SendMessageRequest.newBuilder()
                      .setMessage(
                          Message.newBuilder()
                              .setRole(Role.ROLE_USER)
                              .setMessageId(UUID.randomUUID().toString())
                              .addParts(Part.newBuilder().setText("what is a p99?")))
                      .setConfiguration(
                          SendMessageConfiguration.newBuilder().setReturnImmediately(true))
                      .build())
              .getTask()
              .getId();
      await()
          .atMost(WAIT)
          .until(
              () -> client.getTask(id, null).getStatus().getState(),
              TaskState.TASK_STATE_WORKING::equals);

      database.stop();
      server.awaitLine("ended here only");
      database.start();

      await()
          .atMost(WAIT)
          .ignoreExceptions()
          .until(
              () -> client.getTask(id, null).getStatus().getState(),
              TaskState.TASK_STATE_FAILED::equals);
      Task stored = client.getTask(id, null);
      assertThat(stored.getStatus().getMessage().getParts(0).getText())
          .contains("task store failed");
    }
  }

  @Test
  void healthAndTheMetricsSummaryAnswerWhileTheDatabaseIsDown() throws Exception {
    try (LocalPostgres database = LocalPostgres.startNew();
        ServerProcess server = serverOn(database, "0")) {
      database.stop();

      assertTimeoutPreemptively(
          HANG,
          () -> {
            assertThat(get(server, "health").statusCode()).isEqualTo(200);
            HttpResponse<String> summary = get(server, "metrics/summary");
            assertThat(summary.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(summary.body());
            assertThat(body.path("stores").path("unavailable").asText()).contains("retry");
            assertThat(body.has("stages")).isTrue();
          });
      database.start();
      await().atMost(WAIT).until(() -> server.summary().path("stores").path("tasks").has("tasks"));
    }
  }

  private static HttpResponse<String> get(ServerProcess server, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(server.url().resolve(path)).timeout(HANG).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
