package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bearer-token protection of every JSON-RPC path, public card and status, opt-in CORS. */
class SecurityIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "s3cret-token";
  private static final Pattern CONTENT_LENGTH =
      Pattern.compile("(?im)^Content-Length:\\s*(\\d+)\\s*$");
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
   * The body of a refused request arrives after its headers, as it may from any client: the server
   * must read it before answering, or it closes the connection under a client that already reuses
   * it for its next request.
   */
  @Test
  void aRefusedRequestLeavesItsConnectionUsable() throws Exception {
    byte[] body = JsonRpcProtocolIT.send("\"a3\"", "hello").getBytes(StandardCharsets.UTF_8);
    URI uri = server.uri("/");
    String head =
        "POST / HTTP/1.1\r\nHost: "
            + uri.getAuthority()
            + "\r\nContent-Type: application/json\r\nAuthorization: Bearer wrong\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    String next = "GET /health HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\n\r\n";

    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(300); // time for a server that answers without reading the body to finish
      out.write(body);
      out.write(next.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();

      String refused = readHead(in);
      in.readNBytes(contentLength(refused));
      String health = readHead(in);

      assertThat(refused).startsWith("HTTP/1.1 401");
      assertThat(health).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void corsHeadersOnlyForConfiguredOrigins() throws Exception {
    HttpResponse<String> allowed = server.get("/", "Origin", "https://app.example");
    HttpResponse<String> other = server.get("/", "Origin", "https://evil.example");

    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example");
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  /** A response's status line and headers, up to the blank line; empty if the connection ended. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while (head.indexOf("\r\n\r\n") < 0 && (b = in.read()) >= 0) {
      head.append((char) b);
    }
    return head.toString();
  }

  private static int contentLength(String head) {
    Matcher length = CONTENT_LENGTH.matcher(head);
    assertThat(length.find()).as("Content-Length in %s", head).isTrue();
    return Integer.parseInt(length.group(1));
  }
}
