package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.agent.AgentReply;
import io.agentmetrics.a2a.agent.AgentRequest;
import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.agent.TaskProcessor;
import io.agentmetrics.a2a.telex.MessageText;
import io.agentmetrics.a2a.telex.NormalizedMessage;
import io.agentmetrics.a2a.telex.TelexNormalizer;
import io.agentmetrics.a2a.trace.TraceSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Telex-shaped fixtures over raw HTTP, push notifications, and the A2A_TRACE_LATENCY lines. */
class TelexAndTraceIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GENERATED_ID =
      "req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Test
  void telexNonBlockingSendReturnsAtOnceAndPushesTheFinishedTaskWithItsToken() throws Exception {
    RecordingAgent agent = new RecordingAgent();
    try (PushReceiver receiver = new PushReceiver(1);
        TestServer server = TestServer.start(c -> c.pushAllowPrivate(true), agent)) {
      String body = fixture("message-send-nonblocking.json").replace("${PUSH_URL}", receiver.url());

      JsonNode task = JSON.readTree(server.post("/tasks/send", body).body()).path("result");

      assertThat(task.path("status").path("state").asText()).isIn("submitted", "working");
      assertThat(task.path("history")).isEmpty();
      assertThat(receiver.delivered.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(receiver.calls.get()).as("one failed attempt, then a retry").isEqualTo(2);
      PushReceiver.Received push = receiver.received.get(0);
      assertThat(push.headers().get("X-a2a-notification-token"))
          .containsExactly("telex-token-abc123");
      JsonNode pushed = JSON.readTree(push.body());
      assertThat(pushed.path("id").asText()).isEqualTo(task.path("id").asText());
      assertThat(pushed.path("status").path("state").asText()).isEqualTo("completed");
      assertThat(pushed.path("artifacts").get(0).path("parts").get(0).path("text").asText())
          .isEqualTo("answer");
      NormalizedMessage seen = agent.requests.get(0).message();
      assertThat(seen.texts()).containsExactly("what is photosynthesis");
      assertThat(seen.conversation()).hasSize(4).first().isEqualTo("<p>hello</p>");
      // The agent's text extraction: tags stripped, entities unescaped, whitespace collapsed; the
      // repeat and the query dropped.
      assertThat(extractText(seen))
          .isEqualTo(
              new MessageText(
                  "what is photosynthesis",
                  List.of("hello", "Hi! I'm Studly, your study buddy. What shall we learn?")));
    }
  }

  @Test
  void aPushEndpointThatStaysDownGetsBoundedRetriesAndTheResultStaysReadable() throws Exception {
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    Logger notifier = (Logger) LoggerFactory.getLogger("io.agentmetrics.a2a.task.PushNotifier");
    warnings.start();
    notifier.addAppender(warnings);
    try (PushReceiver receiver = new PushReceiver(Integer.MAX_VALUE);
        TestServer server =
            TestServer.start(
                c -> c.pushAllowPrivate(true).pushMaxAttempts(3), new RecordingAgent())) {
      String body = fixture("message-send-nonblocking.json").replace("${PUSH_URL}", receiver.url());
      String taskId =
          JSON.readTree(server.post("/tasks/send", body).body()).path("result").path("id").asText();

      await("a warning about task " + taskId)
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(
              () -> warnings.list.stream().anyMatch(e -> e.getFormattedMessage().contains(taskId)));

      assertThat(warnings.list)
          .anySatisfy(
              e ->
                  assertThat(e.getFormattedMessage())
                      .contains(taskId, "failed after 3 attempt(s)")
                      .doesNotContain("telex-token-abc123"));
      assertThat(receiver.calls.get()).isEqualTo(3);
      JsonNode task =
          JSON.readTree(
                  server
                      .post(
                          "/",
                          "{\"jsonrpc\":\"2.0\",\"id\":\"g\",\"method\":\"tasks/get\","
                              + "\"params\":{\"id\":\""
                              + taskId
                              + "\"}}")
                      .body())
              .path("result");
      assertThat(task.path("status").path("state").asText()).isEqualTo("completed");
      assertThat(task.path("artifacts").get(0).path("parts").get(0).path("text").asText())
          .isEqualTo("answer");
    } finally {
      notifier.detachAppender(warnings);
    }
  }

  @Test
  void legacyTypeKeysAndHtmlAreNormalized() throws Exception {
    RecordingAgent agent = new RecordingAgent();
    try (TestServer server = TestServer.start(c -> c, agent)) {
      JsonNode result =
          JSON.readTree(server.post("/tasks/send", fixture("message-send-legacy-type.json")).body())
              .path("result");

      assertThat(result.path("status").path("state").asText()).isEqualTo("completed");
      assertThat(extractText(agent.requests.get(0).message()))
          .isEqualTo(
              new MessageText("Quiz me on <cells> & tissues", List.of("Earlier: mitochondria?")));
    }
  }

  @Test
  void aMessageOfMarkupAloneFailsItsTurnAndSaysWhy() throws Exception {
    try (TestServer server = TestServer.start()) {
      JsonNode status =
          JSON.readTree(server.post("/tasks/send", JsonRpcProtocolIT.send("1", "<p> </p>")).body())
              .path("result")
              .path("status");

      assertThat(status.path("state").asText()).isEqualTo("failed");
      assertThat(status.path("message").path("parts").get(0).path("text").asText())
          .isEqualTo("The agent failed: the message has no text once its HTML is removed");
    }
  }

  @Test
  void eachRequestWritesBothTraceEventsWithAllKeysAndSaneValues() throws Exception {
    TraceCapture trace = new TraceCapture();
    try (TestServer server = TestServer.start()) {
      JsonNode task =
          JSON.readTree(
                  server
                      .post("/tasks/send", JsonRpcProtocolIT.send("\"req-123\"", "Define work"))
                      .body())
              .path("result");

      JsonNode latency = only(trace.events("tasks_send_latency"));
      assertThat(fieldNames(latency))
          .containsExactly("event", "request_id", "method", "task_id", "timings_ms");
      assertThat(latency.path("request_id").asText()).isEqualTo("req-123");
      assertThat(latency.path("task_id").asText()).isEqualTo(task.path("id").asText());
      assertThat(latency.path("method").asText()).isEqualTo("message/send");
      JsonNode timings = latency.path("timings_ms");
      assertThat(fieldNames(timings))
          .containsExactly(
              "json_parsing",
              "message_normalization",
              "agent_processing",
              "response_serialization",
              "total");
      timings.forEach(v -> assertThat(v.isNumber() && v.asDouble() >= 0).isTrue());
      double parts =
          timings.path("json_parsing").asDouble()
              + timings.path("message_normalization").asDouble()
              + timings.path("agent_processing").asDouble()
              + timings.path("response_serialization").asDouble();
      assertThat(timings.path("total").asDouble()).isGreaterThanOrEqualTo(parts - 1e-9);

      JsonNode detail = only(trace.events("agent_processing_detail"));
      assertThat(fieldNames(detail))
          .containsExactly("event", "task_id", "context_id", "timings_ms", "usage");
      // The simulated model reports its own counts and costs nothing.
      JsonNode usage = detail.path("usage");
      assertThat(fieldNames(usage))
          .containsExactly("model", "input_tokens", "output_tokens", "cost_usd");
      assertThat(usage.path("model").asText()).isEqualTo("simulated-study-planner");
      assertThat(usage.path("output_tokens").asLong()).isPositive();
      assertThat(usage.path("cost_usd").asDouble()).isZero();
      assertThat(detail.path("task_id").asText()).isEqualTo(task.path("id").asText());
      assertThat(detail.path("context_id").asText()).isEqualTo(task.path("contextId").asText());
      JsonNode agentTimings = detail.path("timings_ms");
      assertThat(fieldNames(agentTimings))
          .containsExactly(
              "text_extraction",
              "context_lookup",
              "llm_invocation",
              "response_building",
              "queue_wait",
              "task_total");
      double taskStages =
          agentTimings.path("queue_wait").asDouble()
              + agentTimings.path("text_extraction").asDouble()
              + agentTimings.path("context_lookup").asDouble()
              + agentTimings.path("llm_invocation").asDouble()
              + agentTimings.path("response_building").asDouble();
      assertThat(agentTimings.path("task_total").asDouble())
          .isGreaterThanOrEqualTo(taskStages - 1e-9)
          .as("a blocking send's task ends inside its agent_processing (to the microsecond)")
          .isLessThanOrEqualTo(timings.path("agent_processing").asDouble() + 0.001);
    }
  }

  @Test
  void requestsWithoutAnIdGetAGeneratedRequestId() throws Exception {
    TraceCapture trace = new TraceCapture();
    try (TestServer server = TestServer.start()) {
      server.post("/", "{\"jsonrpc\":\"2.0\",\"method\":\"tasks/get\",\"params\":{\"id\":\"x\"}}");

      JsonNode latency = only(trace.events("jsonrpc_request_latency"));
      assertThat(latency.path("request_id").asText()).matches(GENERATED_ID);
      assertThat(latency.path("method").asText()).isEqualTo("tasks/get");
      assertThat(latency.has("task_id")).as("only sends name a task").isFalse();
    }
  }

  @Test
  void aBodyThatIsNotJsonGetsAGeneratedRequestIdAndIsNotLoggedAsASend() throws Exception {
    TraceCapture trace = new TraceCapture();
    try (TestServer server = TestServer.start()) {
      server.post("/tasks/send", "{\"jsonrpc\":\"2.0\",\"method\":\"message/send\",");

      assertThat(trace.events("tasks_send_latency")).isEmpty();
      JsonNode latency = only(trace.events("jsonrpc_request_latency"));
      assertThat(latency.path("request_id").asText()).matches(GENERATED_ID);
      assertThat(latency.path("method").asText()).isEqualTo("unknown");
    }
  }

  @Test
  void onlySendsAreLoggedAsTasksSendLatencyAndEveryOtherMethodHasItsOwnEvent() throws Exception {
    TraceCapture trace = new TraceCapture();
    try (TestServer server = TestServer.start()) {
      String taskId = server.sendForTaskId("/tasks/send", "s1", "Define work");
      server.post("/", nonBlockingSend("s2", "Define power"));
      server.post(
          "/",
          "{\"jsonrpc\":\"2.0\",\"id\":\"s3\",\"method\":\"message/stream\",\"params\":{\"message\":"
              + JsonRpcProtocolIT.message("Define energy")
              + "}}");
      server.post(
          "/tasks/send", JsonRpcProtocolIT.rpc("g1", "tasks/get", "{\"id\":\"" + taskId + "\"}"));
      server.post("/", JsonRpcProtocolIT.rpc("c1", "tasks/cancel", "{\"id\":\"" + taskId + "\"}"));
      server.post("/tasks/send", JsonRpcProtocolIT.rpc("old", "tasks/send", "{}"));

      assertThat(trace.events("tasks_send_latency"))
          .extracting(e -> e.path("request_id").asText() + " " + e.path("method").asText())
          .containsExactly("s1 message/send", "s2 message/send", "s3 message/stream");
      assertThat(trace.events("jsonrpc_request_latency"))
          .extracting(e -> e.path("request_id").asText() + " " + e.path("method").asText())
          .containsExactly("g1 tasks/get", "c1 tasks/cancel", "old unknown");
    }
  }

  @Test
  void newlinesInClientIdsCannotForgeTraceLines() throws Exception {
    TraceCapture trace = new TraceCapture();
    try (TestServer server = TestServer.start()) {
      String forged =
          "\"a\\n{\\\"event\\\":\\\"tasks_send_latency\\\",\\\"request_id\\\":\\\"forged\\\"}\"";
      server.post(
          "/",
          "{\"jsonrpc\":\"2.0\",\"id\":"
              + forged
              + ",\"method\":\"tasks/get\",\"params\":{\"id\":\"x\"}}");

      List<String> lines = trace.lines();
      assertThat(lines).hasSize(1);
      // Escaped twice over: by the server (LogSafe), then as JSON.
      assertThat(only(trace.events("jsonrpc_request_latency")).path("request_id").asText())
          .startsWith("a\\n{");
    }
  }

  @Test
  void aSampleRateOfZeroWritesNothing() throws Exception {
    TraceCapture trace = new TraceCapture();
    try (TestServer server = TestServer.start(c -> c, null, new TraceSettings(true, 0.0, null))) {
      server.post("/", JsonRpcProtocolIT.send("1", "Anything"));

      assertThat(trace.lines()).isEmpty();
      assertThat(
              JSON.readTree(server.get("/metrics/summary").body())
                  .path("stages")
                  .path("total")
                  .path("count")
                  .asInt())
          .as("statistics still see every request")
          .isEqualTo(1);
    }
  }

  /** Records what reaches the agent. */
  private static final class RecordingAgent implements TaskProcessor {
    final List<AgentRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public AgentReply process(AgentRequest request) {
      requests.add(request);
      return new AgentReply("answer", new AgentStageTimings(0, 0, 0, 0));
    }
  }

  private static MessageText extractText(NormalizedMessage message) {
    return new TelexNormalizer(TasksConfig.DEFAULT_MAX_HISTORY).extractText(message).orElseThrow();
  }

  private static String nonBlockingSend(String id, String text) {
    return JsonRpcProtocolIT.rpc(
        id,
        "message/send",
        "{\"message\":"
            + JsonRpcProtocolIT.message(text)
            + ",\"configuration\":{\"blocking\":false}}");
  }

  private static JsonNode only(List<JsonNode> events) {
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = TelexAndTraceIT.class.getResourceAsStream("/telex/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
