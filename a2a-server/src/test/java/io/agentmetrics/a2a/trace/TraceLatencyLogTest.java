package io.agentmetrics.a2a.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.agent.InvocationUsage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceLatencyLogTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @AfterEach
  void removeAppender() {
    TraceLogAppender.uninstall();
  }

  @Test
  void loggedRequestStagesNeverAddUpToMoreThanTheLoggedTotal() throws Exception {
    TraceLogAppender.installTo(out);
    // Each stage ends in 0.6 µs, and nothing lies between them: rounded to the nearest
    // microsecond the stages would add up to 1.004 ms against a total of 1.002 ms.
    new TraceLatencyLog()
        .onRequest(
            new RequestLatency(
                "r", "message/send", "t", 0.0006, 0.0006, 1.0006, 0.0006, 1.0024, true));

    JsonNode timings = only(events()).path("timings_ms");

    double stages =
        timings.path("json_parsing").asDouble()
            + timings.path("message_normalization").asDouble()
            + timings.path("agent_processing").asDouble()
            + timings.path("response_serialization").asDouble();
    assertThat(stages).isLessThanOrEqualTo(timings.path("total").asDouble());
    assertThat(timings.path("json_parsing").asDouble()).isEqualTo(0.0);
    assertThat(timings.path("agent_processing").asDouble()).isEqualTo(1.0);
    assertThat(timings.path("total").asDouble()).isEqualTo(1.003);
  }

  @Test
  void theAgentEventCarriesTheQueueWaitAndTheTaskTotalThatContainsItsStages() throws Exception {
    TraceLogAppender.installTo(out);
    new TraceLatencyLog()
        .onAgentRun(
            new AgentRunLatency(
                "t",
                "c",
                new AgentStageTimings(0.0006, 0.0006, 5.0006, 0.0006),
                2.0006,
                7.0030,
                true));

    JsonNode event = only(events());

    assertThat(event.path("event").asText()).isEqualTo("agent_processing_detail");
    assertThat(fieldNames(event.path("timings_ms")))
        .as("the seed's four stages first")
        .hasSize(6)
        .endsWith("queue_wait", "task_total");
    assertThat(event.path("timings_ms").path("llm_invocation").asDouble()).isEqualTo(5.0);
    assertThat(event.path("timings_ms").path("queue_wait").asDouble()).isEqualTo(2.0);
    assertThat(event.path("timings_ms").path("task_total").asDouble()).isEqualTo(7.003);
  }

  @Test
  void theSendsOfBothVersionsAreSendEventsAndEveryOtherMethodIsARequestEvent() throws Exception {
    TraceLogAppender.installTo(out);
    TraceLatencyLog log = new TraceLatencyLog();
    for (String method :
        List.of(
            "message/send", "message/stream", "SendMessage", "SendStreamingMessage", "GetTask")) {
      log.onRequest(new RequestLatency("r", method, null, 0, 0, 0, 0, 1, true));
    }

    assertThat(events())
        .extracting(e -> e.path("method").asText() + " " + e.path("event").asText())
        .containsExactly(
            "message/send tasks_send_latency",
            "message/stream tasks_send_latency",
            "SendMessage tasks_send_latency",
            "SendStreamingMessage tasks_send_latency",
            "GetTask jsonrpc_request_latency");
  }

  @Test
  void theAgentEventCarriesTheLlmUsageBesideItsTimings() throws Exception {
    TraceLogAppender.installTo(out);
    TraceLatencyLog log = new TraceLatencyLog();
    log.onAgentRun(run(new InvocationUsage("gpt-4o-mini", 812, 96, 1.794e-4)));
    log.onAgentRun(run(new InvocationUsage("house-model", 400, 50, null)));
    log.onAgentRun(run(null));

    List<JsonNode> events = events();

    assertThat(events).hasSize(3);
    JsonNode priced = events.get(0);
    assertThat(fieldNames(priced))
        .containsExactly("event", "task_id", "context_id", "timings_ms", "usage");
    assertThat(fieldNames(priced.path("timings_ms"))).endsWith("queue_wait", "task_total");
    assertThat(fieldNames(priced.path("usage")))
        .containsExactly("model", "input_tokens", "output_tokens", "cost_usd");
    assertThat(priced.path("usage").path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(priced.path("usage").path("input_tokens").asLong()).isEqualTo(812);
    assertThat(priced.path("usage").path("output_tokens").asLong()).isEqualTo(96);
    assertThat(priced.path("usage").path("cost_usd").asDouble()).isEqualTo(1.794e-4);
    assertThat(fieldNames(events.get(1).path("usage")))
        .as("a model without a price has no cost")
        .containsExactly("model", "input_tokens", "output_tokens");
    assertThat(fieldNames(events.get(2)))
        .as("no usage reported")
        .containsExactly("event", "task_id", "context_id", "timings_ms");
  }

  private static AgentRunLatency run(@Nullable InvocationUsage usage) {
    return new AgentRunLatency(
        "t", "c", new AgentStageTimings(0.1, 0.1, 5.0, 0.1, usage), 2.0, 7.5, true);
  }

  private List<JsonNode> events() throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
      events.add(JSON.readTree(line));
    }
    return events;
  }

  private static JsonNode only(List<JsonNode> events) {
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
