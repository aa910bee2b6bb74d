package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.agent.testing.ScriptedLlm;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every task's tokens and cost reach the trace log and the server's aggregator, and {@code
 * /metrics/summary} reports them per task with the cost objective: checked against the fixed usage
 * of {@link ScriptedLlm#gpt4oMini}, whose numbers are worked out by hand (812 input and 96 output
 * tokens at $0.15 and $0.60 per million: $0.0001794 per task), whichever A2A version and binding
 * the task was sent in.
 */
class TokensAndCostIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachTasksTokensAndCostReachTheTraceLogAndTheSummary() throws Exception {
    TraceCapture trace = new TraceCapture();
    JsonNode summary;
    try (TestServer server = TestServer.startWith(c -> c, ScriptedLlm.gpt4oMini(null, 0, 0, 0))) {
      server.post("/tasks/send", JsonRpcProtocolIT.send("\"c1\"", "How do I revise?"));
      server.post("/tasks/send", JsonRpcProtocolIT.send("\"c2\"", "And for maths?"));
      summary = JSON.readTree(server.get("/metrics/summary").body());
    }

    assertTwoTasksAtGpt4oMiniPrices(trace, summary);
  }

  @Test
  void a1_0SendInEitherBindingIsAccountedAsA0_3SendIs() throws Exception {
    TraceCapture trace = new TraceCapture();
    JsonNode summary;
    try (TestServer server = TestServer.startWith(c -> c, ScriptedLlm.gpt4oMini(null, 0, 0, 0))) {
      HttpResponse<String> overJsonRpc =
          server.post(
              "/",
              A2aV1WireFormatIT.rpc("SendMessage", A2aV1WireFormatIT.sendMessage("usage-rpc")),
              "A2A-Version",
              "1.0");
      HttpResponse<String> overHttpJson =
          server.post(
              "/message:send", A2aV1WireFormatIT.sendMessage("usage-rest"), "A2A-Version", "1.0");
      assertThat(JSON.readTree(overJsonRpc.body()).path("result").path("task").has("id"))
          .as(overJsonRpc.body())
          .isTrue();
      assertThat(overHttpJson.statusCode()).as(overHttpJson.body()).isEqualTo(200);
      summary = JSON.readTree(server.get("/metrics/summary").body());
    }

    assertTwoTasksAtGpt4oMiniPrices(trace, summary);
  }

  /** Two tasks of $0.0001794 each: count 2, mean and p95 $0.0001794, within the $0.01 objective. */
  private static void assertTwoTasksAtGpt4oMiniPrices(TraceCapture trace, JsonNode summary) {
    List<JsonNode> details = trace.events("agent_processing_detail");
    assertThat(details).hasSize(2);
    for (JsonNode detail : details) {
      JsonNode usage = detail.path("usage");
      assertThat(usage.path("model").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
      assertThat(usage.path("input_tokens").asLong()).isEqualTo(ScriptedLlm.INPUT_TOKENS);
      assertThat(usage.path("output_tokens").asLong()).isEqualTo(ScriptedLlm.OUTPUT_TOKENS);
      assertThat(usage.path("cost_usd").asDouble())
          .isCloseTo(ScriptedLlm.GPT_4O_MINI_COST_USD, within(1e-12));
    }

    JsonNode hour = summary.path("usage").path("windows").path("hour");
    JsonNode cost = hour.path("cost_usd");
    assertThat(cost.path("unit").asText()).isEqualTo("USD");
    assertThat(cost.path("count").asLong()).isEqualTo(2);
    assertThat(cost.path("mean").asDouble())
        .isCloseTo(ScriptedLlm.GPT_4O_MINI_COST_USD, within(1e-7));
    assertThat(cost.path("p95").asDouble())
        .isCloseTo(ScriptedLlm.GPT_4O_MINI_COST_USD, within(1e-7));
    assertThat(hour.path("input_tokens").path("mean").asDouble()).isEqualTo(812.0);
    assertThat(hour.path("output_tokens").path("p99").asDouble()).isEqualTo(96.0);
    JsonNode slo = summary.path("usage").path("cost_slo");
    assertThat(slo.path("metric").asText()).isEqualTo("cost_usd");
    assertThat(slo.path("percentile").asInt()).isEqualTo(95);
    assertThat(slo.path("threshold").asDouble()).isEqualTo(0.01);
    assertThat(slo.path("observed").asDouble())
        .isCloseTo(ScriptedLlm.GPT_4O_MINI_COST_USD, within(1e-7));
    assertThat(slo.path("samples").asLong()).isEqualTo(2);
    assertThat(slo.path("met").asBoolean()).isTrue();
    assertThat(summary.path("usage").path("unpriced_executions").asLong()).isZero();
  }
}
