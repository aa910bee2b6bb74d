package io.agentmetrics.a2a.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.agent.AgentReply;
import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.dto.JsonMappers;
import io.agentmetrics.a2a.task.QuickPushSettings;
import io.agentmetrics.a2a.task.TaskService;
import io.agentmetrics.a2a.task.TaskSettings;
import io.agentmetrics.a2a.telex.TelexNormalizer;
import io.agentmetrics.a2a.trace.AgentRunLatency;
import io.agentmetrics.a2a.trace.RequestLatency;
import io.agentmetrics.a2a.trace.RequestObserver;
import io.agentmetrics.api.TimeSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Raw request bodies, as a client could send them: the dispatcher always answers one well-formed
 * JSON-RPC 2.0 response (or a stream), never an internal error, whatever the bytes.
 */
class JsonRpcDispatcherFuzzTest {

  private static final ObjectMapper MAPPER = JsonMappers.create(64, 1 << 16, 1 << 20, 100_000);
  private static final TaskService TASKS =
      new TaskService(
          new TaskSettings(
              1_000,
              1 << 24,
              10,
              Duration.ofMinutes(5),
              2,
              1_000,
              Duration.ofSeconds(30),
              2,
              1_000,
              10,
              QuickPushSettings.of()),
          request -> new AgentReply("ok", new AgentStageTimings(0, 0, 0, 0)),
          MAPPER,
          TimeSource.system());
  private static final JsonRpcDispatcher DISPATCHER =
      new JsonRpcDispatcher(
          MAPPER,
          TASKS,
          TASKS.pushConfigs(),
          new MessageSender(
              16, 4_096, new TelexNormalizer(20), TASKS, true, new IgnoringObserver()),
          true);
  private static final InFlightBudget BUDGET = new InFlightBudget(Long.MAX_VALUE);
  private static final List<Integer> CODES =
      Arrays.stream(JsonRpcErrorCode.values())
          .filter(code -> code != JsonRpcErrorCode.INTERNAL_ERROR)
          .map(JsonRpcErrorCode::code)
          .toList();

  @FuzzTest(maxDuration = "60s")
  void everyBodyGetsAWellFormedResponseAndNoInternalError(byte @NotNull [] body) throws Exception {
    JsonRpcReply reply =
        DISPATCHER.dispatch(
            body,
            new RequestClock(TimeSource.system(), false),
            BUDGET.tryReserve(body.length).orElseThrow());
    if (reply instanceof JsonRpcReply.Pending pending) {
      reply = pending.reply().get(30, TimeUnit.SECONDS);
    }

    if (reply instanceof JsonRpcReply.Stream stream) {
      stream.events().close();
      return;
    }
    JsonNode response =
        MAPPER.readTree(
            reply instanceof JsonRpcReply.Busy busy
                ? busy.body()
                : ((JsonRpcReply.Json) reply).body());
    assertThat(response.path("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(response.has("id")).isTrue();
    assertThat(response.has("result")).isNotEqualTo(response.has("error"));
    if (response.has("error")) {
      assertThat(CODES).contains(response.path("error").path("code").asInt());
      assertThat(response.path("error").path("message").asText()).isNotBlank();
    }
  }

  /** The fuzz target checks replies, not what is observed. */
  private static final class IgnoringObserver implements RequestObserver {
    @Override
    public void onRequest(RequestLatency latency) {}

    @Override
    public void onAgentRun(AgentRunLatency latency) {}
  }
}
