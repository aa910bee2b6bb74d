package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.RawHttp.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a browser must not be able to do to a server on loopback: post JSON-RPC as a "simple"
 * cross-site request (text/plain, form, multipart), reach it through a rebound DNS name, or have a
 * response sniffed, framed or cached.
 */
class BrowserDefencesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SEND = JsonRpcProtocolIT.send("\"b1\"", "hello");
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(c -> c.allowedHosts(List.of("agent.example", "[fd00::1]")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain",
        "text/plain;charset=UTF-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=----x",
        "application/jsonp",
        "application/json-patch+json"
      })
  void jsonRpcPostsWithoutAJsonContentTypeAreRefusedWith415(String contentType) throws Exception {
    for (String path : List.of("/", "/tasks/send")) {
      Reply reply = exchange(RawHttp.post(server, path, SEND, "Content-Type: " + contentType));

      assertThat(reply.status()).as("%s to %s", contentType, path).isEqualTo(415);
      assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(JSON.readTree(reply.body()).path("error").path("message").asText())
          .contains("application/json");
    }
  }

  @Test
  void aJsonRpcPostWithoutAContentTypeIsRefusedWith415() throws Exception {
    byte[] body = SEND.getBytes(StandardCharsets.UTF_8);
    Reply reply =
        exchange(
            "POST / HTTP/1.1\r\nHost: "
                + server.uri("/").getAuthority()
                + "\r\nContent-Length: "
                + body.length
                + "\r\n\r\n"
                + SEND);

    assertThat(reply.status()).isEqualTo(415);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"application/json", "application/json; charset=utf-8", "Application/JSON"})
  void jsonContentTypesAreServed(String contentType) throws Exception {
    Reply reply = exchange(RawHttp.post(server, "/", SEND, "Content-Type: " + contentType));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(JSON.readTree(reply.body()).path("result").path("status").path("state").asText())
        .isEqualTo("completed");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"evil.example", "evil.example:%d", "10.0.0.1:%d", "127.0.0.1.evil.example:%d"})
  void aForeignHostIsRefusedWith403(String host) throws Exception {
    String authority = host.formatted(server.uri("/").getPort());

    Reply get = exchange("GET /metrics/summary HTTP/1.1\r\nHost: " + authority + "\r\n\r\n");
    Reply post =
        exchange(
            RawHttp.post(server, "/", SEND).replace(server.uri("/").getAuthority(), authority));

    for (Reply reply : List.of(get, post)) {
      assertThat(reply.status()).as("Host: %s", authority).isEqualTo(403);
      assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(reply.body()).contains("A2A_ALLOWED_HOSTS").doesNotContain("evil");
    }
  }

  @Test
  void aForeignHostIsRefusedRightAfterALocalHostWasServed() throws Exception {
    int port = server.uri("/").getPort();
    String local = "GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n";
    String foreign = "GET /health HTTP/1.1\r\nHost: evil.example:" + port + "\r\n\r\n";

    for (int round = 0; round < 3; round++) {
      assertThat(exchange(local).status()).as("local, round %d", round).isEqualTo(200);
      assertThat(exchange(foreign).status()).as("foreign, round %d", round).isEqualTo(403);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "LocalHost:%d",
        "127.0.0.1:%d",
        "127.8.9.10",
        "[::1]:%d",
        "agent.example",
        "AGENT.example:%d",
        "[fd00::1]:%d"
      })
  void localAndListedHostsAreServed(String host) throws Exception {
    String authority = host.formatted(server.uri("/").getPort());

    Reply reply = exchange("GET /health HTTP/1.1\r\nHost: " + authority + "\r\n\r\n");

    assertThat(reply.status()).as("Host: %s", authority).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://evil.example", "https://localhost.evil.example", "null", "file://"})
  void aForeignOriginIsRefusedWith403(String origin) throws Exception {
    Reply reply = exchange(RawHttp.post(server, "/", SEND, "Origin: " + origin));

    assertThat(reply.status()).as("Origin: %s", origin).isEqualTo(403);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:3000",
        "http://127.0.0.1",
        "http://[::1]:8080",
        "https://agent.example"
      })
  void localAndListedOriginsAreServed(String origin) throws Exception {
    Reply reply = exchange(RawHttp.post(server, "/", SEND, "Origin: " + origin));

    assertThat(reply.status()).as("Origin: %s", origin).isEqualTo(200);
  }

  @Test
  void everyResponseCarriesNosniffAndJsonIsNeverStored() throws Exception {
    String authority = server.uri("/").getAuthority();
    List<String> requests =
        List.of(
            "GET / HTTP/1.1\r\nHost: " + authority + "\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: " + authority + "\r\n\r\n",
            "GET /.well-known/agent-card.json HTTP/1.1\r\nHost: " + authority + "\r\n\r\n",
            "GET /.well-known/agent.json HTTP/1.1\r\nHost: " + authority + "\r\n\r\n",
            "GET /metrics/summary HTTP/1.1\r\nHost: " + authority + "\r\n\r\n",
            "GET /nope HTTP/1.1\r\nHost: " + authority + "\r\n\r\n",
            "GET /tasks/send HTTP/1.1\r\nHost: " + authority + "\r\n\r\n",
            "GET /%zz HTTP/1.1\r\nHost: " + authority + "\r\n\r\n",
            RawHttp.post(server, "/", SEND),
            RawHttp.post(server, "/", "{not json"),
            RawHttp.post(server, "/", SEND, "Content-Type: text/plain"),
            RawHttp.postHead(server, "/", 64 * 1024 * 1024));

    for (String request : requests) {
      Reply reply = exchange(request);

      String line = request.substring(0, request.indexOf('\r'));
      assertThat(reply.header("X-Content-Type-Options")).as(line).isEqualTo("nosniff");
      assertThat(reply.header("Content-Type")).as(line).startsWith("application/json");
      assertThat(reply.header("Cache-Control")).as(line).isEqualTo("no-store");
    }
  }

  @Test
  void aStreamCarriesNosniffAndIsNeverStored() throws Exception {
    try (RawHttp http = RawHttp.open(server, Duration.ofSeconds(30))) {
      http.send(RawHttp.post(server, "/", SEND.replace("message/send", "message/stream")));

      String head = http.streamHead();

      assertThat(head).startsWith("HTTP/1.1 200").contains("text/event-stream");
      assertThat(head).containsIgnoringCase("X-Content-Type-Options: nosniff");
      assertThat(head).containsIgnoringCase("Cache-Control: no-store");
    }
  }

  @Test
  void theDashboardCarriesAContentSecurityPolicyThatAllowsOnlyItsOwnInlineCode() throws Exception {
    Reply page = RawHttp.get(server, "/dashboard");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    String policy = page.header("Content-Security-Policy");
    assertThat(policy)
        .contains(
            "default-src 'none'",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "script-src " + sha256(inline(page.body(), "script")),
            "style-src " + sha256(inline(page.body(), "style")))
        .doesNotContain("unsafe");
  }

  private static String inline(String html, String element) {
    Matcher matcher =
        Pattern.compile("<" + element + ">(.*?)</" + element + ">", Pattern.DOTALL).matcher(html);
    assertThat(matcher.find()).as("an inline <%s> in the page", element).isTrue();
    String content = matcher.group(1);
    assertThat(matcher.find()).as("a single inline <%s>", element).isFalse();
    return content;
  }

  private static String sha256(String content) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
    return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
  }

  private static Reply exchange(String request) throws IOException {
    try (RawHttp http = RawHttp.open(server, Duration.ofSeconds(30))) {
      http.send(request);
      return http.reply();
    }
  }
}
