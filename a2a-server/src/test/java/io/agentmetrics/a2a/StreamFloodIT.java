package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Server-Sent Event streams ({@code message/stream}, {@code tasks/resubscribe}) hold no request
 * thread while they wait for events, and are capped per task and in all; a stream over a cap gets a
 * JSON-RPC error at once.
 */
class StreamFloodIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration READ = Duration.ofSeconds(20);

  private final List<RawHttp> streams = new ArrayList<>();

  @AfterEach
  void closeStreams() throws IOException {
    for (RawHttp stream : streams) {
      stream.close();
    }
  }

  @Test
  void healthAndCardAnswerWhileOneHundredTwentyStreamsWaitForEvents() throws Exception {
    GatedProcessor agent = new GatedProcessor();
    try (TestServer server = TestServer.start(c -> c.httpMaxThreads(16), agent)) {
      RawHttp.warmUp(server);
      List<RawHttp> sent = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        sent.add(open(server, streamSend("s" + i)));
      }
      List<String> taskIds = started(sent);

      RawHttp.assertHealthAndCardAnswerWithinOneSecond(server);

      assertThat(taskIds).as("streams that started").hasSize(60);
      List<RawHttp> resubscribed = new ArrayList<>();
      for (String taskId : taskIds) {
        resubscribed.add(open(server, resubscribe(taskId)));
      }
      assertThat(started(resubscribed)).containsExactlyElementsOf(taskIds);
      assertThat(streams).hasSize(120);

      RawHttp.assertHealthAndCardAnswerWithinOneSecond(server);

      agent.release.countDown();
      for (RawHttp stream : streams) {
        stream.readTimeout(READ);
        assertThat(stream.readUntil("\"final\":true")).contains("\"state\":\"completed\"");
      }
    }
  }

  /**
   * The task ids in the first events of {@code opened}, in order, for the streams that start within
   * ten seconds in all: a server that holds a thread per stream starts no more than it has threads.
   */
  private static List<String> started(List<RawHttp> opened) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<String> taskIds = new ArrayList<>();
    try {
      for (RawHttp stream : opened) {
        stream.readTimeout(Duration.ofNanos(deadline - System.nanoTime()));
        taskIds.add(firstEvent(stream).path("result").path("id").asText());
      }
    } catch (SocketTimeoutException notStarted) {
      // The rest did not start in time; the caller sees how many did.
    }
    return taskIds;
  }

  @Test
  void aStreamOverThePerTaskCapGetsARetryableJsonRpcError() throws Exception {
    GatedProcessor agent = new GatedProcessor();
    try (TestServer server = TestServer.start(c -> c.maxStreamsPerTask(2), agent)) {
      String taskId =
          firstEvent(open(server, streamSend("capped"))).path("result").path("id").asText();
      firstEvent(open(server, resubscribe(taskId)));

      JsonNode refused = firstEvent(open(server, resubscribe(taskId)));

      assertThat(refused.path("error").path("code").asInt()).isEqualTo(-32000);
      assertThat(refused.path("error").path("message").asText())
          .contains("A2A_MAX_STREAMS_PER_TASK");
      agent.release.countDown();
    }
  }

  @Test
  void aStreamOverTheServerCapGetsARetryableJsonRpcErrorUntilAStreamCloses() throws Exception {
    GatedProcessor agent = new GatedProcessor();
    try (TestServer server = TestServer.start(c -> c.maxStreams(3), agent)) {
      for (int i = 0; i < 3; i++) {
        firstEvent(open(server, streamSend("held" + i)));
      }

      JsonNode refused = firstEvent(open(server, streamSend("one too many")));

      assertThat(refused.path("error").path("code").asInt()).isEqualTo(-32000);
      assertThat(refused.path("error").path("message").asText()).contains("A2A_MAX_STREAMS");
      // A client that goes away gives its stream back.
      streams.get(0).close();
      JsonNode accepted =
          await("a stream accepted after one closed")
              .atMost(Duration.ofSeconds(10))
              .pollInterval(Duration.ofMillis(20))
              .until(
                  () -> firstEvent(open(server, streamSend("after a close"))),
                  a -> !a.has("error"));
      assertThat(accepted.path("result").path("kind").asText()).isEqualTo("task");
      agent.release.countDown();
    }
  }

  private RawHttp open(TestServer server, String body) throws IOException {
    RawHttp stream = RawHttp.open(server, READ);
    streams.add(stream);
    stream.send(RawHttp.post(server, "/", body));
    return stream;
  }

  /** The JSON-RPC response in the stream's first {@code data:} event. */
  private static JsonNode firstEvent(RawHttp stream) throws IOException {
    return JSON.readTree(stream.nextEvent());
  }

  private static String streamSend(String text) {
    return "{\"jsonrpc\":\"2.0\",\"id\":\"st-"
        + text.hashCode()
        + "\",\"method\":\"message/stream\",\"params\":{\"message\":"
        + JsonRpcProtocolIT.message(text)
        + "}}";
  }

  private static String resubscribe(String taskId) {
    return "{\"jsonrpc\":\"2.0\",\"id\":\"re-"
        + taskId
        + "\",\"method\":\"tasks/resubscribe\",\"params\":{\"id\":\""
        + taskId
        + "\"}}";
  }
}
