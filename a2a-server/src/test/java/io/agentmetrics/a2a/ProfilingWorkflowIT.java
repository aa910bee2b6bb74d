package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    Path output = dir.resolve("profile.json");
    try (TestServer server = TestServer.start()) {
      String out =
          run(
              new ProfileCommand(),
              0,
              "--url",
              server.url(),
              "--requests",
              "12",
              "--concurrency",
              "3",
              "--output",
              output.toString());

      assertThat(out).contains("Total Requests:       12\n").contains("Successful:           12\n");
    }
    JsonNode profile = JSON.readTree(output.toFile());
    assertThat(profile.path("statistics").path("successful").asLong()).isEqualTo(12);
    assertThat(profile.path("samples")).hasSize(12);

    Path traceFile = dir.resolve("trace.log");
    Files.write(traceFile, trace.lines());
    JsonNode report =
        JSON.readTree(run(new TraceReportCommand(), 0, "--json", traceFile.toString()));

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
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (trace.events("agent_processing_detail").size() < 5 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
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

    Path traceFile = dir.resolve("trace.log");
    Files.write(traceFile, trace.lines());
    JsonNode report =
        JSON.readTree(run(new TraceReportCommand(), 0, "--json", traceFile.toString()));

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
    Path output = dir.resolve("stream.json");
    try (TestServer server = TestServer.start()) {
      run(
          new ProfileCommand(),
          0,
          "--url",
          server.url(),
          "--requests",
          "5",
          "--stream",
          "--output",
          output.toString());
    }
    JsonNode ttft = JSON.readTree(output.toFile()).path("statistics").path("ttft_ms");

    assertThat(ttft.path("count").asLong()).isEqualTo(5);
    assertThat(ttft.path("max").asDouble()).isPositive();
  }

  @Test
  void openLoopProfileOffersAFixedRateAndCorrectsForCoordinatedOmission() throws Exception {
    Path output = dir.resolve("rate.json");
    try (TestServer server = TestServer.start()) {
      run(
          new ProfileCommand(),
          0,
          "--url",
          server.url(),
          "--rate",
          "20",
          "--duration",
          "2s",
          "--concurrency",
          "4",
          "--output",
          output.toString());
    }
    JsonNode profile = JSON.readTree(output.toFile());

    assertThat(profile.path("settings").path("rate").asDouble()).isEqualTo(20.0);
    assertThat(profile.path("statistics").path("corrected_for_coordinated_omission").asBoolean())
        .isTrue();
    assertThat(profile.path("statistics").path("successful").asLong()).isBetween(30L, 50L);
    assertThat(profile.path("statistics").path("failed").asLong()).isZero();
  }

  @Test
  void profileOverProtocolOneSendsSendMessageThroughTheOnePointZeroClient() throws Exception {
    TraceCapture trace = new TraceCapture();
    Path output = dir.resolve("v1.json");
    try (TestServer server = TestServer.start()) {
      String out =
          run(
              new ProfileCommand(),
              0,
              "--url",
              server.url(),
              "--protocol",
              "1.0",
              "--requests",
              "4",
              "--output",
              output.toString());

      assertThat(out).contains("Successful:           4\n");
    }
    assertThat(JSON.readTree(output.toFile()).path("settings").path("method").asText())
        .isEqualTo("SendMessage");
    assertThat(trace.events("tasks_send_latency"))
        .hasSize(4)
        .allSatisfy(e -> assertThat(e.path("method").asText()).isEqualTo("SendMessage"));
  }

  @Test
  void streamingProfileOverProtocolOneCountsTheFinalStatusOfEachStream() throws Exception {
    Path output = dir.resolve("v1-stream.json");
    try (TestServer server = TestServer.start()) {
      run(
          new ProfileCommand(),
          0,
          "--url",
          server.url(),
          "--protocol",
          "1.0",
          "--stream",
          "--requests",
          "3",
          "--output",
          output.toString());
    }
    JsonNode statistics = JSON.readTree(output.toFile()).path("statistics");

    assertThat(statistics.path("successful").asLong()).isEqualTo(3);
    assertThat(statistics.path("ttft_ms").path("count").asLong()).isEqualTo(3);
  }

  private static String run(Object command, int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(command)
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    assertThat(exit).as("exit code; stderr: %s%nstdout: %s", err, out).isEqualTo(expectedExit);
    return out.toString();
  }
}
