package io.agentmetrics.a2a.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceReportCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  static Path fixture(String name) {
    try {
      return Path.of(TraceReportCommandTest.class.getResource("/trace-logs/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CommandRun traceReport(String... args) {
    return CommandRun.of(new TraceReportCommand(), args);
  }

  private static CommandRun traceReportFromStdin(byte[] input, String... args) {
    TraceReportCommand command = new TraceReportCommand();
    command.stdin = new ByteArrayInputStream(input);
    return CommandRun.of(command, args);
  }

  @Test
  void readsTheSeedsPrettyPrintedExampleEventsAndPairsThem() {
    CommandRun run = traceReport(fixture("seed-examples.log").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("1 send (tasks_send_latency), 1 agent_processing_detail")
        .contains("1 send, 1 with agent detail (0 by id, 1 by log order)")
        .contains("Shares and overhead cover every send, each paired with its task.")
        .containsPattern("(?m)^json_parsing +1 +0\\.42 ")
        .containsPattern("(?m)^  llm_invocation +1 +1230\\.45 .* 99\\.4%$")
        .containsPattern("(?m)^total +1 +1238\\.36 .* 100\\.0%$")
        .contains("✅ PASS    json_parsing")
        .contains("✅ PASS    message_normalization")
        .contains("✅ PASS    context_lookup")
        .contains("✅ PASS    response_serialization")
        .contains("Non-LLM overhead (end-to-end − llm_invocation), 1 send:")
        .containsPattern(
            "req-123 +1238\\.36 +- +0\\.42 +1\\.23 +1234\\.56 +1230\\.45 +2\\.15  task-456")
        .contains(
            "💡 llm_invocation is 99.4% of end-to-end time; non-LLM overhead p99 7.91 ms;"
                + " all 4 stages within the seed's goals.");
  }

  @Test
  void skipsAndCountsEverythingThatIsNotATraceEvent() {
    CommandRun run = traceReport(fixture("mixed-stdout.log").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "23 lines: 6 sends (tasks_send_latency), 6 agent_processing_detail, 0 other requests,"
                + " 11 skipped (6 not JSON, 2 other JSON, 2 malformed, 1 truncated)")
        .contains("6 sends, 6 with agent detail (0 by id, 6 by log order)");
  }

  @Test
  void goalFailureIsReportedAndOnlyFailsTheExitCodeOnRequest() {
    CommandRun lenient = traceReport(fixture("mixed-stdout.log").toString());
    CommandRun strict = traceReport(fixture("mixed-stdout.log").toString(), "--fail-on-goals");

    assertThat(lenient.out())
        .containsPattern("❌ FAIL +message_normalization +p95 7\\.8\\d ms +goal < 5 ms")
        .contains("✅ PASS    json_parsing")
        .contains("1 of 4 goals missed: message_normalization.");
    assertThat(lenient.exitCode()).isZero();
    assertThat(strict.exitCode()).isEqualTo(1);
  }

  @Test
  void slowestRequestsComeFirstWithTheirStageSplit() {
    CommandRun run = traceReport(fixture("mixed-stdout.log").toString(), "--top", "2");

    String slowest = run.out().substring(run.out().indexOf("SLOWEST"));
    assertThat(slowest).containsPattern("req-5 +1294\\.30 .* 1286\\.10 +2\\.05  task-5");
    assertThat(slowest.indexOf("req-5")).isLessThan(slowest.indexOf("req-2"));
    assertThat(slowest).doesNotContain("req-1 ");
  }

  @Test
  void pairsInterleavedEventsByTheirIds() {
    CommandRun run = traceReport(fixture("concurrent-with-ids.log").toString());

    assertThat(run.out()).contains("20 sends, 20 with agent detail (20 by id, 0 by log order)");
  }

  @Test
  void jsonOutputCarriesStagesGoalsOverheadAndSlowest() throws IOException {
    CommandRun run = traceReport(fixture("mixed-stdout.log").toString(), "--json");

    assertThat(run.exitCode()).isZero();
    JsonNode json = MAPPER.readTree(run.out());
    assertThat(json.path("schema").asText()).isEqualTo("agentmetrics.trace-report/v2");
    assertThat(json.path("input").path("send_events").asInt()).isEqualTo(6);
    assertThat(json.path("input").path("skipped").path("truncated").asInt()).isEqualTo(1);
    JsonNode parsing = json.path("stages").path("json_parsing");
    assertThat(parsing.path("count").asInt()).isEqualTo(6);
    assertThat(parsing.path("mean_ms").asDouble()).isCloseTo(0.38, within(1e-9));
    assertThat(parsing.path("max_ms").asDouble()).isCloseTo(0.52, within(0.001));
    assertThat(json.path("stages").path("llm_invocation").path("share_of_end_to_end").asDouble())
        .isCloseTo(5459.1 / 5514.04, within(1e-6));
    assertThat(json.path("non_llm_overhead_ms").path("max").asDouble())
        .isCloseTo(15.2, within(0.02));
    assertThat(json.path("goals")).hasSize(4);
    assertThat(json.path("goals").get(1).path("stage").asText()).isEqualTo("message_normalization");
    assertThat(json.path("goals").get(1).path("status").asText()).isEqualTo("FAIL");
    assertThat(json.path("slowest").get(0).path("request_id").asText()).isEqualTo("req-5");
    assertThat(json.path("slowest").get(0).path("agent").path("task_id").asText())
        .isEqualTo("task-5");
    assertThat(json.path("reading").asText()).contains("message_normalization");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-", ""})
  void readsStandardInputForDashOrNoArgument(String arg) throws IOException {
    byte[] log = Files.readAllBytes(fixture("seed-examples.log"));

    CommandRun run = arg.isEmpty() ? traceReportFromStdin(log) : traceReportFromStdin(log, arg);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("📄 Trace report for stdin\n").contains("req-123");
  }

  @Test
  void skipsALineTooLongToHoldAndKeepsTheEventsAroundIt() throws IOException {
    String seed = Files.readString(fixture("seed-examples.log"));
    String huge =
        "{\"event\":\"tasks_send_latency\",\"blob\":\""
            + "x".repeat(TraceLogParser.MAX_LINE_CHARS)
            + "\"}";
    Path log = dir.resolve("huge.log");
    Files.writeString(log, huge + "\n" + seed, StandardCharsets.UTF_8);

    CommandRun run = traceReport(log.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("1 too long").contains("1 send (tasks_send_latency)");
  }

  @Test
  void missingFileExitsWith2AndSaysSo() {
    Path missing = dir.resolve("nope.log");

    CommandRun run = traceReport(missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("❌ Cannot read trace log " + missing + ": no such file");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void logWithoutTraceEventsExitsWith1AndExplainsHowToGetThem() {
    CommandRun run =
        traceReportFromStdin(
            "INFO started\n{\"event\":\"other\"}\n".getBytes(StandardCharsets.UTF_8));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("No tasks_send_latency or agent_processing_detail events in stdin (2 lines read)")
        .contains("A2A_TRACE_LATENCY=true");
  }

  @Test
  void badTopValueIsAUsageError() {
    CommandRun run = traceReport("--top", "-1", fixture("seed-examples.log").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--top must be between 0 and 1000, got -1")
        .contains("Usage: trace-report");
  }

  @Test
  void htmlReportIsWrittenNextToTheTextReport() throws IOException {
    Path html = dir.resolve("trace.html");

    CommandRun run = traceReport(fixture("mixed-stdout.log").toString(), "--html", html.toString());

    assertThat(run.out()).contains("📄 HTML report written to " + html);
    String page = Files.readString(html);
    assertThat(page)
        .contains("Trace report", "message_normalization", "FAIL", "chart-stages", "llm_invocation")
        .doesNotContain("<link", "src=", "url(", "@import");
  }

  @Test
  void tokensAndCostArePrintedPerTaskAndPerModel() {
    // Four tasks with usage: input 800, 1,200, 1,000 and 400 tokens (3,400 in all; p50 is the
    // 2nd of 4 sorted, 800; p95 the 4th, 1,200); output 100, 300, 500, 50 (950; p50 100, p95
    // 500); three priced at $0.00018, $0.00036 and $0.00155 ($0.00209; p50 the 2nd of 3,
    // $0.00036; p95 the 3rd, $0.00155). house-model has no price; t5's usage is malformed.
    CommandRun run = traceReport(fixture("usage.log").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("💰 TOKENS AND COST (per task, 4 tasks with usage, 1 unpriced)")
        .containsPattern("(?m)^  Input tokens +3,400 +800 +1,200 +1,200$")
        .containsPattern("(?m)^  Output tokens +950 +100 +500 +500$")
        .containsPattern(
            "(?m)^  Cost \\(USD\\) +\\$0\\.002090 +\\$0\\.000360 +\\$0\\.001550 +\\$0\\.001550$")
        .containsPattern("(?m)^  gpt-4o-mini-2024-07-18 +2 +2,000 +400 +\\$0\\.000540$")
        .containsPattern("(?m)^  gemini-2\\.5-flash +1 +1,000 +500 +\\$0\\.001550$")
        .containsPattern("(?m)^  house-model +1 +400 +50 +no price$");
  }

  @Test
  void jsonAndHtmlCarryTheTokensAndCost() throws IOException {
    CommandRun json = traceReport(fixture("usage.log").toString(), "--json");
    Path html = dir.resolve("usage.html");
    traceReport(fixture("usage.log").toString(), "--html", html.toString());

    JsonNode usage = MAPPER.readTree(json.out()).path("usage");
    assertThat(usage.path("tasks").asInt()).isEqualTo(4);
    assertThat(usage.path("unpriced_tasks").asInt()).isEqualTo(1);
    assertThat(usage.path("input_tokens").path("total").asLong()).isEqualTo(3_400);
    assertThat(usage.path("input_tokens").path("p50").asLong()).isEqualTo(800);
    assertThat(usage.path("cost_usd").path("total").asDouble()).isCloseTo(0.00209, within(1e-12));
    assertThat(usage.path("cost_usd").path("p95").asDouble()).isEqualTo(0.00155);
    assertThat(usage.path("models")).hasSize(3);
    assertThat(usage.path("models").get(0).path("cost_usd").asDouble())
        .isCloseTo(0.00054, within(1e-12));
    assertThat(Files.readString(html))
        .contains("P95 cost per task", "$0.001550", "Tokens and cost by model", "house-model");
  }

  @Test
  void theUsageOfANonBlockingSendCountsAndItsSlowestEntryCarriesItsOwnUsage() throws IOException {
    // usage.log's r4 is non-blocking: answered after 3 ms, its task ends after 1,500 ms, so its
    // end-to-end time is 3 - 2 (agent_processing) + 1,500 (task_total) = 1,501 ms, the slowest.
    JsonNode report = MAPPER.readTree(traceReport(fixture("usage.log").toString(), "--json").out());

    assertThat(report.path("schema").asText()).isEqualTo(TraceReportJson.SCHEMA);
    assertThat(report.path("end_to_end").path("sends").asInt()).isEqualTo(4);
    assertThat(report.path("left_out").path("count").asInt()).isZero();
    JsonNode slowest = report.path("slowest").get(0);
    assertThat(slowest.path("request_id").asText()).isEqualTo("r4");
    assertThat(slowest.path("end_to_end_ms").asDouble()).isEqualTo(1_501.0);
    JsonNode unpriced = slowest.path("agent").path("usage");
    assertThat(unpriced.path("model").asText()).isEqualTo("house-model");
    assertThat(unpriced.path("input_tokens").asLong()).isEqualTo(400);
    assertThat(unpriced.path("output_tokens").asLong()).isEqualTo(50);
    assertThat(unpriced.path("cost_usd").isNull()).isTrue();
    assertThat(report.path("slowest"))
        .filteredOn(send -> send.path("request_id").asText().equals("r3"))
        .singleElement()
        .satisfies(
            send -> {
              JsonNode priced = send.path("agent").path("usage");
              assertThat(priced.path("model").asText()).isEqualTo("gemini-2.5-flash");
              assertThat(priced.path("cost_usd").asDouble()).isEqualTo(0.00155);
            });
  }

  @Test
  void closingTheReportDoesNotCloseStandardInput() {
    boolean[] closed = {false};
    TraceReportCommand command = new TraceReportCommand();
    command.stdin =
        new InputStream() {
          @Override
          public int read() {
            return -1;
          }

          @Override
          public void close() {
            closed[0] = true;
          }
        };

    CommandRun.of(command, "-");

    assertThat(closed[0]).isFalse();
  }
}
