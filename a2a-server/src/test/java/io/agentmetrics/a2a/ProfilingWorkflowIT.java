package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.a2a.profile.ProfileCommand;
import io.agentmetrics.a2a.profile.TraceReportAssertions;
import io.agentmetrics.a2a.profile.TraceReportCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code profile} and {@code trace-report} against the real server, as the seed's workflow runs.
 */
class ProfilingWorkflowIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void profileMeasuresEveryRequestAndTraceReportAccountsForEachOne() throws Exception {
    TraceCapture trace = new TraceCapture();

    Profiled profiled = profile("--requests", "12", "--concurrency", "3");

    assertThat(profiled.out())
        .contains("Total Requests:       12\n")
        .contains("Successful:           12\n");
    assertThat(profiled.json().path("statistics").path("successful").asLong()).isEqualTo(12);
    assertThat(profiled.json().path("samples")).hasSize(12);
    JsonNode report = traceReport(trace);

    assertThat(report.path("correlation").path("sends").asLong()).isEqualTo(12);
    assertThat(report.path("correlation").path("with_agent_detail").asLong()).isEqualTo(12);
    assertThat(report.path("correlation").path("by_id").asLong()).isEqualTo(12);
    JsonNode total = report.path("stages").path("total");
    assertThat(total.path("count").asLong()).isEqualTo(12);
    assertThat(total.path("max_ms").asDouble())
        .isGreaterThanOrEqualTo(total.path("p50_ms").asDouble())
        .isPositive();
  }

  @Test
  void aTelexMixOfBlockingAndNonBlockingSendsIsReportedAgainstTheTotalsOfTheSameSends()
      throws Exception {
    TraceCapture trace = new TraceCapture();
    try (TestServer server = TestServer.start(c -> c.simulatedLlmLatency(Duration.ofMillis(50)))) {
      for (int i = 1; i <= 5; i++) {
        server.post("/tasks/send", telexSend("telex-" + i, i <= 2));
      }
      server.post(
          "/",
          "{\"jsonrpc\":\"2.0\",\"id\":\"g\",\"method\":\"tasks/get\",\"params\":{\"id\":\"x\"}}");
      await("five agent_processing_detail events")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> trace.events("agent_processing_detail").size() >= 5);
    }
    Map<String, Double> taskTotals = new HashMap<>();
    trace
        .events("agent_processing_detail")
        .forEach(
            e ->
                taskTotals.put(
                    e.path("task_id").asText(),
                    e.path("timings_ms").path("task_total").asDouble()));
    assertThat(taskTotals).hasSize(5);
    for (JsonNode send : trace.events("tasks_send_latency")) {
      double taskTotal = taskTotals.get(send.path("task_id").asText());
      double total = send.path("timings_ms").path("total").asDouble();
      if (send.path("request_id").asText().compareTo("telex-3") >= 0) {
        assertThat(taskTotal)
            .as("a non-blocking send's task outlasts its response")
            .isGreaterThan(total);
      } else {
        assertThat(taskTotal)
            .as("a blocking send's task ends within its response")
            .isLessThan(total);
      }
    }

    JsonNode report = traceReport(trace);

    assertThat(report.path("correlation").path("sends").asLong()).isEqualTo(5);
    assertThat(report.path("input").path("other_requests").path("count").asLong()).isEqualTo(1);
    assertThat(report.path("end_to_end").path("sends").asLong()).isEqualTo(5);
    assertThat(report.path("left_out").path("count").asLong()).isZero();
    TraceReportAssertions.assertSharesFitTheWhole(report.path("stages"));
  }

  /** Telex's message, as its fixture has it, without the push URL. */
  private static String telexSend(String id, boolean blocking) throws Exception {
    ObjectNode body =
        (ObjectNode) JSON.readTree(TelexAndTraceIT.fixture("message-send-nonblocking.json"));
    body.put("id", id);
    ObjectNode configuration = (ObjectNode) body.path("params").path("configuration");
    configuration.remove("pushNotificationConfig");
    configuration.put("blocking", blocking);
    return JSON.writeValueAsString(body);
  }

  @Test
  void streamingProfileReportsTimeToFirstEvent() throws Exception {
    JsonNode ttft =
        profile("--requests", "5", "--stream").json().path("statistics").path("ttft_ms");

    assertThat(ttft.path("count").asLong()).isEqualTo(5);
    assertThat(ttft.path("max").asDouble()).isPositive();
  }

  @Test
  void openLoopProfileOffersAFixedRateAndCorrectsForCoordinatedOmission() throws Exception {
    JsonNode profile = profile("--rate", "20", "--duration", "2s", "--concurrency", "4").json();

    assertThat(profile.path("settings").path("rate").asDouble()).isEqualTo(20.0);
    assertThat(profile.path("statistics").path("corrected_for_coordinated_omission").asBoolean())
        .isTrue();
    assertThat(profile.path("statistics").path("successful").asLong()).isBetween(30L, 50L);
    assertThat(profile.path("statistics").path("failed").asLong()).isZero();
  }

  @Test
  void profileOverProtocolOneSendsSendMessageThroughTheOnePointZeroClient() throws Exception {
    TraceCapture trace = new TraceCapture();

    Profiled profiled = profile("--protocol", "1.0", "--requests", "4");

    assertThat(profiled.out()).contains("Successful:           4\n");
    assertThat(profiled.json().path("settings").path("method").asText()).isEqualTo("SendMessage");
    assertThat(trace.events("tasks_send_latency"))
        .hasSize(4)
        .allSatisfy(e -> assertThat(e.path("method").asText()).isEqualTo("SendMessage"));
  }

  @Test
  void streamingProfileOverProtocolOneCountsTheFinalStatusOfEachStream() throws Exception {
    JsonNode statistics =
        profile("--protocol", "1.0", "--stream", "--requests", "3").json().path("statistics");

    assertThat(statistics.path("successful").asLong()).isEqualTo(3);
    assertThat(statistics.path("ttft_ms").path("count").asLong()).isEqualTo(3);
  }

  /** What {@code profile} printed and the JSON it wrote. */
  private record Profiled(String out, JsonNode json) {}

  /** Runs {@code profile} with {@code args} against a server of its own, writing its JSON. */
  private Profiled profile(String... args) throws Exception {
    Path output = dir.resolve("profile.json");
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--output", output.toString()));
    String out;
    try (TestServer server = TestServer.start()) {
      all.addAll(List.of("--url", server.url()));
      out = run(new ProfileCommand(), all.toArray(String[]::new));
    }
    return new Profiled(out, JSON.readTree(output.toFile()));
  }

  /** {@code trace-report --json} over the trace lines {@code trace} captured. */
  private JsonNode traceReport(TraceCapture trace) throws Exception {
    Path traceFile = dir.resolve("trace.log");
    Files.write(traceFile, trace.lines());
    return JSON.readTree(run(new TraceReportCommand(), "--json", traceFile.toString()));
  }

  private static String run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(command)
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    assertThat(exit).as("exit code; stderr: %s%nstdout: %s", err, out).isZero();
    return out.toString();
  }
}
