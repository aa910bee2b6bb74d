package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.util.Modules;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A server whose clock a test moves: the task and conversation stores' times-to-live follow the
 * bound clock.
 */
class TaskExpiryIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aTaskUntouchedForItsTimeToLiveOnTheBoundClockIsGone() throws Exception {
    FakeTimeSource clock = new FakeTimeSource();
    ServerConfig config =
        ServerConfig.builder()
            .port(0)
            .simulatedLlmLatency(Duration.ZERO)
            .taskTtl(Duration.ofMinutes(5))
            .build();
    try (A2aServer server = start(config, clock)) {
      String taskId = send(server);

      clock.advance(Duration.ofMinutes(4));
      JsonNode kept = get(server, taskId);
      clock.advance(Duration.ofMinutes(5).plusSeconds(1));
      JsonNode expired = get(server, taskId);

      assertThat(kept.path("result").path("id").asText()).isEqualTo(taskId);
      assertThat(expired.path("error").path("code").asInt()).isEqualTo(-32001);
    }
  }

  @Test
  void aConversationIdleForItsTimeToLiveOnTheBoundClockIsGone() throws Exception {
    FakeTimeSource clock = new FakeTimeSource();
    ServerConfig config =
        ServerConfig.builder()
            .port(0)
            .simulatedLlmLatency(Duration.ZERO)
            .contextTtl(Duration.ofMinutes(5))
            .build();
    try (A2aServer server = start(config, clock)) {
      send(server);

      clock.advance(Duration.ofMinutes(4));
      JsonNode kept = conversations(server);
      clock.advance(Duration.ofMinutes(1).plusSeconds(1));
      JsonNode expired = conversations(server);

      assertThat(kept.path("size").asLong()).isEqualTo(1);
      assertThat(kept.path("evictions").asLong()).isZero();
      assertThat(expired.path("size").asLong()).isZero();
      assertThat(expired.path("evictions").asLong()).isEqualTo(1);
    }
  }

  private static A2aServer start(ServerConfig config, FakeTimeSource clock) throws Exception {
    return A2aServer.start(
        Modules.override(new A2aServerModule(config))
            .with(binder -> binder.bind(TimeSource.class).toInstance(clock)));
  }

  /** The conversation store's section of {@code /metrics/summary}. */
  private static JsonNode conversations(A2aServer server) throws Exception {
    String summary =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/metrics/summary"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    return JSON.readTree(summary).path("stores").path("contexts");
  }

  private static String send(A2aServer server) throws Exception {
    return JSON.readTree(post(server, JsonRpcProtocolIT.send("\"s\"", "Hi")))
        .path("result")
        .path("id")
        .asText();
  }

  private static JsonNode get(A2aServer server, String taskId) throws Exception {
    return JSON.readTree(
        post(
            server,
            "{\"jsonrpc\":\"2.0\",\"id\":\"g\",\"method\":\"tasks/get\",\"params\":{\"id\":\""
                + taskId
                + "\"}}"));
  }

  private static String post(A2aServer server, String body) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
