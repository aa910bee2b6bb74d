package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bearer-token protection of every JSON-RPC path, public card and status, opt-in CORS. */
class SecurityIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "s3cret-token";
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server =
        TestServer.start(
            c -> c.authToken(TOKEN).corsOrigins(java.util.List.of("https://app.example")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/tasks/send"})
  void everyJsonRpcPathRefusesAMissingOrWrongToken(String path) throws Exception {
    String body = JsonRpcProtocolIT.send("\"a1\"", "hello");

    for (HttpResponse<String> response :
        java.util.List.of(
            server.post(path, body),
            server.post(path, body, "Authorization", "Bearer wrong"),
            server.post(path, body, "Authorization", "Basic " + TOKEN),
            server.post(path, body, "Authorization", "Bearer " + TOKEN + "x"))) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      JsonNode error = JSON.readTree(response.body());
      assertThat(error.path("jsonrpc").asText()).isEqualTo("2.0");
      assertThat(error.path("error").path("message").asText()).startsWith("Unauthorized");
      assertThat(response.body()).doesNotContain(TOKEN);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/tasks/send"})
  void theRightTokenIsAccepted(String path) throws Exception {
    HttpResponse<String> response =
        server.post(
            path, JsonRpcProtocolIT.send("\"a2\"", "hello"), "Authorization", "Bearer " + TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("result").path("status").path("state").asText())
        .isEqualTo("completed");
  }

  @Test
  void cardAndStatusStayPublicAndTheCardDeclaresTheBearerScheme() throws Exception {
    assertThat(server.get("/").statusCode()).isEqualTo(200);
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
    HttpResponse<String> card = server.get("/.well-known/agent-card.json");

    assertThat(card.statusCode()).isEqualTo(200);
    JsonNode json = JSON.readTree(card.body());
    assertThat(json.path("securitySchemes").path("bearer").path("scheme").asText())
        .isEqualTo("bearer");
    assertThat(json.path("security").get(0).has("bearer")).isTrue();
    assertThat(card.body()).doesNotContain(TOKEN);
  }

  /**
   * A refused request is answered before its body is read, and its connection closed: the client
   * must not reuse it, and a client that trickles its body holds no thread.
   */
  @Test
  void corsHeadersOnlyForConfiguredOrigins() throws Exception {
    HttpResponse<String> allowed = server.get("/", "Origin", "https://app.example");
    HttpResponse<String> other = server.get("/", "Origin", "https://evil.example");

    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example");
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
