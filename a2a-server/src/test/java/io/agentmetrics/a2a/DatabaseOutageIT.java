package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.store.postgres.LocalPostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server on PostgreSQL whose database goes down answers at once as a busy server does (HTTP 503,
 * {@code Retry-After}, the retryable {@code -32000}), and serves its tasks again once the database
 * is back, without a restart.
 */
class DatabaseOutageIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void requestsFailFastWithARetryableErrorWhileTheDatabaseIsDownAndSucceedAfter() throws Exception {
    assumeTrue(
        LocalPostgres.unavailableReason().isEmpty(),
        () -> "skipped: " + LocalPostgres.unavailableReason().orElse(""));
    try (LocalPostgres database = LocalPostgres.startNew();
        ServerProcess server =
            ServerProcess.start(
                Map.of(
                    "A2A_TASK_STORE",
                    "postgres",
                    "A2A_DATABASE_URL",
                    database.jdbcUrl(),
                    "A2A_DATABASE_USER",
                    LocalPostgres.USER,
                    "SIMULATED_LLM_LATENCY_MS",
                    "0"))) {
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
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> JSON.readTree(server.post(get).body()).path("result").path("id").asText(),
              id::equals);
    }
  }
}
