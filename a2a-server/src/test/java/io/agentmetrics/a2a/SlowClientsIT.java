package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.a2a.RawHttp.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Clients that send slowly or not at all hold no request thread: an unauthenticated request is
 * refused before its body, a body slower than the minimum data rate is cut off (both in every
 * version and binding: A2A 0.3, and A2A 1.0's JSON-RPC and HTTP+JSON), and a connection that stops
 * sending is closed after the idle timeout. {@code /health} and the agent card answer within a
 * second throughout. The floods run against a small pool (16 threads), so that a server that parks
 * a thread per slow client runs out at once.
 */
class SlowClientsIT {

  private static final int FLOOD = 100;
  private static final int DECLARED_BODY = 1000;
  private static final String TOKEN = "trickle-token";

  private final List<RawHttp> connections = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void closeConnections() throws IOException {
    trickler.shutdownNow();
    for (RawHttp connection : connections) {
      connection.close();
    }
  }

  @Test
  void healthAndCardAnswerWhileAHundredConnectionsTrickleTheirBodies() throws Exception {
    try (TestServer server = TestServer.start(c -> c.httpMaxThreads(16))) {
      RawHttp.warmUp(server);
      startTrickling(server, new String[0]);

      RawHttp.assertHealthAndCardAnswerWithinOneSecond(server);

      // Below the minimum data rate, every one of them is answered 408 and closed.
      for (RawHttp connection : connections) {
        Reply reply = connection.reply();
        assertThat(reply.status()).isEqualTo(408);
        assertThat(reply.header("Connection")).isEqualToIgnoringCase("close");
      }
      RawHttp.assertHealthAndCardAnswerWithinOneSecond(server);
    }
  }

  @Test
  void healthAndCardAnswerWhileAHundredUnauthenticatedConnectionsTrickleTheirBodies()
      throws Exception {
    try (TestServer server = TestServer.start(c -> c.httpMaxThreads(16).authToken(TOKEN))) {
      RawHttp.warmUp(server);
      startTrickling(server, new String[] {"Authorization: Bearer wrong"});

      RawHttp.assertHealthAndCardAnswerWithinOneSecond(server);

      for (RawHttp connection : connections) {
        assertThat(connection.reply().status()).isEqualTo(401);
      }
      RawHttp.assertHealthAndCardAnswerWithinOneSecond(server);
    }
  }

  /** Where an A2A request goes, in each version and binding: its path and headers. */
  enum Endpoint {
    A2A_0_3("/"),
    A2A_1_0_JSON_RPC("/", "A2A-Version: 1.0"),
    A2A_1_0_HTTP_JSON("/message:send", "A2A-Version: 1.0");

    final String path;

    // List.of is unmodifiable, though not a type Error Prone knows to be immutable.
    @SuppressWarnings("ImmutableEnumChecker")
    final List<String> headers;

    Endpoint(String path, String... headers) {
      this.path = path;
      this.headers = List.of(headers);
    }

    String postHead(TestServer server) {
      return RawHttp.postHead(server, path, DECLARED_BODY, headers.toArray(String[]::new));
    }
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void anUnauthenticatedRequestIsRefusedBeforeItsBodyIsSentAndItsConnectionClosed(Endpoint endpoint)
      throws Exception {
    try (TestServer server = TestServer.start(c -> c.authToken(TOKEN));
        RawHttp http = RawHttp.open(server, Duration.ofSeconds(10))) {
      // Only the head: a server that reads the body first never answers.
      http.send(endpoint.postHead(server));

      Reply refused = http.reply();

      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.header("Connection")).isEqualToIgnoringCase("close");
      assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(refused.body()).contains("Unauthorized");
      assertThat(http.closedByServer()).as("the server closes the connection").isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void aBodySentBelowTheMinimumDataRateIsCutOffWith408(Endpoint endpoint) throws Exception {
    try (TestServer server = TestServer.start(c -> c.minRequestDataRate(100));
        RawHttp http = RawHttp.open(server, Duration.ofSeconds(20))) {
      http.send(endpoint.postHead(server));
      connections.add(http);
      // The trickle ends with the connection; its failures are the connection's, seen by reply().
      Future<?> unused =
          trickler.scheduleAtFixedRate(() -> sendOneByte(http), 0, 200, TimeUnit.MILLISECONDS);

      Reply reply = http.reply();

      assertThat(reply.status()).isEqualTo(408);
      assertThat(reply.body()).contains("A2A_MIN_REQUEST_DATA_RATE");
      assertThat(http.closedByServer()).isTrue();
    }
  }

  @Test
  void aConnectionThatStopsSendingIsClosedAfterTheIdleTimeout() throws Exception {
    try (TestServer server =
            TestServer.start(c -> c.idleTimeout(Duration.ofMillis(500)).minRequestDataRate(0));
        RawHttp http = RawHttp.open(server, Duration.ofSeconds(10))) {
      http.send(RawHttp.postHead(server, "/", DECLARED_BODY) + "{\"jsonrpc\"");

      Reply reply = http.reply();

      assertThat(reply.status()).isEqualTo(408);
      assertThat(reply.body()).contains("A2A_IDLE_TIMEOUT_MS");
      assertThat(http.closedByServer()).isTrue();
    }
  }

  /**
   * Opens {@value #FLOOD} connections that each declare a body of {@value #DECLARED_BODY} bytes and
   * send one byte of it per second, and returns once every head and first byte is out.
   */
  private void startTrickling(TestServer server, String[] headers) throws IOException {
    for (int i = 0; i < FLOOD; i++) {
      RawHttp http = RawHttp.open(server, Duration.ofSeconds(20));
      connections.add(http);
      http.send(RawHttp.postHead(server, "/", DECLARED_BODY, headers) + "{");
    }
    // The trickles end with their connections, whose replies the test reads.
    Future<?> unused =
        trickler.scheduleAtFixedRate(
            () -> connections.forEach(SlowClientsIT::sendOneByte), 1, 1, TimeUnit.SECONDS);
  }

  private static void sendOneByte(RawHttp http) {
    try {
      http.send(" ");
    } catch (IOException closed) {
      // The server closed it: nothing more to trickle.
    }
  }
}
