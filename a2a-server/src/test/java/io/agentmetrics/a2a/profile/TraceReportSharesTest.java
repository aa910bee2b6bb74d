package io.agentmetrics.a2a.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.report.ReportModel;
import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shares and the overhead of {@code trace-report}, checked against {@code telex-mix.log}, whose
 * numbers are worked out by hand below (all values are multiples of 1/8 ms, so every sum is exact).
 *
 * <pre>
 * send    kind          total  agent_processing  task_total  end-to-end                 llm
 * send-1  blocking      1000   999.25            999         1000 (task inside)         998.25
 * send-2  blocking      2000   1999.25           1999        2000                       1998.125
 * send-3  non-blocking  1.5    0.75              2999.25     1.5 - 0.75 + 2999.25=3000  2998.25
 * send-4  non-blocking  1.5    0.75              3999.25     4000                       3998
 * send-5  non-blocking  1.5    0.75              2000        left out: its task stages add up to 2500.5 > 2000
 * send-6  blocking      3      5                 3.5         left out: its request stages add up to 5.5 > 3
 * send-7  failed        0.5    0                 -           left out: no agent detail
 * </pre>
 *
 * The four covered sends take 10,000 ms end to end, so a stage's share is its sum over them /
 * 10,000: json_parsing 4 x 0.125 = 0.5, message_normalization 1.0, agent_processing 3000,
 * response_serialization 0.5, total 3003, task_total 9996.5, queue_wait 0 + 0.125 + 0.25 + 0.5 =
 * 0.875, text_extraction 0.5, context_lookup 0.5, llm_invocation 9992.625, response_building 1.0.
 * The parts (all but agent_processing, total and task_total) add up to 9997.5, 99.975%. The non-LLM
 * overhead (end-to-end - llm) of the four is 1.75, 1.875, 1.75 and 2.0 ms.
 */
class TraceReportSharesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final double END_TO_END = 10_000;
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)%");

  private static CommandRun traceReport(String... args) {
    return CommandRun.of(new TraceReportCommand(), args);
  }

  private static String telexMix() {
    return TraceReportCommandTest.fixture("telex-mix.log").toString();
  }

  @Test
  void textReportPrintsTheSharesWorkedOutByHandAndNamesTheSendsLeftOut() {
    String out = traceReport(telexMix()).out();

    assertThat(out)
        .contains(
            "   16 lines: 7 sends (tasks_send_latency), 6 agent_processing_detail,"
                + " 3 other requests (2 tasks/get, 1 unknown), 0 skipped\n",
            "   7 sends, 6 with agent detail (6 by id, 0 by log order), 0 agent details"
                + " unmatched\n",
            "   Shares and overhead cover 4 of the 7 sends; 3 left out:\n",
            "     send-5 (line 7): queue_wait + text_extraction + context_lookup + llm_invocation"
                + " + response_building = 2500.500 ms > task_total 2000.000 ms\n",
            "     send-6 (line 13): json_parsing + message_normalization + agent_processing"
                + " + response_serialization = 5.500 ms > total 3.000 ms\n",
            "     send-7 (line 14): no agent_processing_detail: the send failed before its turn"
                + " ran, the turn failed or was cancelled, or the line is missing\n",
            "Share: of the end-to-end time of the 4 sends covered (mean 2500.00 ms), each send's"
                + " total with\n",
            """
            Non-LLM overhead (end-to-end − llm_invocation), 4 sends:
              P50: 1.75   P95: 2.00   P99: 2.00   Max: 2.00
            """,
            "💡 llm_invocation is 99.9% of end-to-end time (3 of 7 sends left out);"
                + " non-LLM overhead p99 2.00 ms; all 4 stages within the seed's goals.")
        .containsPattern("(?m)^json_parsing +7 +0\\.13 .* 0\\.01%$")
        .containsPattern("(?m)^agent_processing +7 +429\\.39 .* 30\\.0%$")
        .containsPattern("(?m)^  task_total +6 +2000\\.00 .* 100\\.0%$")
        .containsPattern("(?m)^  queue_wait +6 +0\\.15 .* 0\\.01%$")
        .containsPattern("(?m)^  llm_invocation +6 +2082\\.60 .* 99\\.9%$")
        .containsPattern("(?m)^total +7 +429\\.71 .* 30\\.0%$");
    String slowest = out.substring(out.indexOf("SLOWEST"));
    assertThat(slowest)
        .containsSubsequence("send-4", "send-3", "send-2", "send-1", "send-6", "send-5", "send-7")
        .containsPattern(
            "send-3 +1\\.50 +2999\\.25 +0\\.13 +0\\.25 +0\\.75 +2998\\.25 +0\\.13  task-3");
  }

  @Test
  void jsonReportCarriesTheExactFractionsWorkedOutByHand() throws Exception {
    JsonNode json = MAPPER.readTree(traceReport(telexMix(), "--json").out());

    assertThat(json.path("input").path("send_events").asLong()).isEqualTo(7);
    assertThat(json.path("input").path("other_requests").toString())
        .isEqualTo("{\"count\":3,\"by_method\":{\"tasks/get\":2,\"unknown\":1}}");
    assertThat(json.path("end_to_end").toString()).isEqualTo("{\"sends\":4,\"mean_ms\":2500.0}");
    JsonNode leftOut = json.path("left_out");
    assertThat(leftOut.path("count").asLong()).isEqualTo(3);
    assertThat(leftOut.path("by_reason").toString())
        .isEqualTo(
            "{\"request_stages_exceed_total\":1,\"no_agent_detail\":1,"
                + "\"task_stages_exceed_task_total\":1}");
    assertThat(leftOut.path("sends"))
        .extracting(s -> s.path("request_id").asText() + "@" + s.path("line").asLong())
        .containsExactly("send-5@7", "send-6@13", "send-7@14");
    assertThat(leftOut.path("listed_all").asBoolean()).isTrue();
    JsonNode stages = json.path("stages");
    assertThat(share(stages, "json_parsing")).isEqualTo(0.5 / END_TO_END);
    assertThat(share(stages, "message_normalization")).isEqualTo(1.0 / END_TO_END);
    assertThat(share(stages, "agent_processing")).isEqualTo(3000 / END_TO_END);
    assertThat(share(stages, "response_serialization")).isEqualTo(0.5 / END_TO_END);
    assertThat(share(stages, "total")).isEqualTo(3003 / END_TO_END);
    assertThat(share(stages, "task_total")).isEqualTo(9996.5 / END_TO_END);
    assertThat(share(stages, "queue_wait")).isEqualTo(0.875 / END_TO_END);
    assertThat(share(stages, "text_extraction")).isEqualTo(0.5 / END_TO_END);
    assertThat(share(stages, "context_lookup")).isEqualTo(0.5 / END_TO_END);
    assertThat(share(stages, "llm_invocation")).isEqualTo(9992.625 / END_TO_END);
    assertThat(share(stages, "response_building")).isEqualTo(1.0 / END_TO_END);
    assertThat(TraceReportAssertions.disjointShares(stages))
        .isCloseTo(9997.5 / END_TO_END, within(1e-12));
    assertThat(json.path("non_llm_overhead_ms").toString())
        .isEqualTo("{\"count\":4,\"p50\":1.75,\"p95\":2.0,\"p99\":2.0,\"max\":2.0}");
    assertThat(json.path("slowest"))
        .extracting(s -> s.path("request_id").asText() + "=" + s.path("end_to_end_ms"))
        .containsExactly(
            "send-4=4000.0",
            "send-3=3000.0",
            "send-2=2000.0",
            "send-1=1000.0",
            "send-6=null",
            "send-5=null",
            "send-7=null");
  }

  @Test
  void theStageBarSplitsTheMeanEndToEndTimeOfTheCoveredSends() throws Exception {
    TraceReport report;
    try (Reader log = Files.newBufferedReader(TraceReportCommandTest.fixture("telex-mix.log"))) {
      report = TraceReport.read("telex-mix.log", log, 0);
    }

    List<ReportModel.Segment> bar = StageSegments.from(report.analysis().endToEndMeans());

    // Means over the four covered sends; agent (other) is the task service's time outside the
    // task's parts (0.5, 0.5, 0.25, 0.25), other the request's time outside its stages (0.25 each).
    assertThat(bar)
        .extracting(s -> s.name() + "=" + s.meanMs())
        .containsExactly(
            "json_parsing=0.125",
            "message_normalization=0.25",
            "queue_wait=0.21875",
            "text_extraction=0.125",
            "context_lookup=0.125",
            "llm_invocation=2498.15625",
            "response_building=0.25",
            "agent (other)=0.375",
            "response_serialization=0.125",
            "other=0.25");
    assertThat(bar.stream().mapToDouble(ReportModel.Segment::meanMs).sum()).isEqualTo(2500.0);
  }

  @Test
  void aLogWrittenBeforeTaskTotalLeavesItsNonBlockingSendsOutAndCountsTasksGetApart() {
    // Two blocking and three non-blocking Telex sends and five tasks/get, as main (3e822a9) logged
    // them: every method as tasks_send_latency, and no task_total. That report read
    // "llm_invocation is 429.0% of total".
    String out =
        traceReport(TraceReportCommandTest.fixture("telex-mix-before-task-total.log").toString())
            .out();

    assertThat(out)
        .contains(
            "5 sends (tasks_send_latency), 5 agent_processing_detail, 5 other requests (5 tasks/get)")
        .contains("Shares and overhead cover 2 of the 5 sends; 3 left out:")
        .containsPattern(
            "(?m)^     send-3 \\(line 5\\): text_extraction \\+ context_lookup \\+ llm_invocation \\+"
                + " response_building = 2047\\.107 ms > agent_processing 3\\.964 ms, and the log has"
                + " no task_total")
        .contains("💡 llm_invocation is 87.1% of end-to-end time (3 of 5 sends left out);");
    assertThat(percentages(out)).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(100.0));
  }

  @Test
  void manySendsLeftOutAreCountedByReasonAndTheFirstOnesListed() throws Exception {
    StringBuilder log = new StringBuilder();
    for (int i = 1; i <= 101; i++) {
      log.append("{\"event\":\"tasks_send_latency\",\"request_id\":\"failed-")
          .append(i)
          .append("\",\"method\":\"message/send\",\"timings_ms\":{\"total\":1.0}}\n");
    }
    byte[] input = log.toString().getBytes(StandardCharsets.UTF_8);

    String text = fromStdin(input).out();
    JsonNode leftOut = MAPPER.readTree(fromStdin(input, "--json").out()).path("left_out");

    assertThat(text)
        .contains("   Shares and overhead cover 0 of the 101 sends; 101 left out:\n")
        .contains("     failed-10 (line 10): no agent_processing_detail")
        .doesNotContain("failed-11 ")
        .contains("     … and 91 more; in all 101 no_agent_detail; --json lists the first 100\n")
        .doesNotContain("Share: ", "Non-LLM overhead", "llm_invocation is");
    assertThat(leftOut.path("count").asLong()).isEqualTo(101);
    assertThat(leftOut.path("sends")).hasSize(TraceAnalysis.MAX_LISTED);
    assertThat(leftOut.path("listed_all").asBoolean()).isFalse();
  }

  private static CommandRun fromStdin(byte[] input, String... args) {
    TraceReportCommand command = new TraceReportCommand();
    command.stdin = new ByteArrayInputStream(input);
    return CommandRun.of(command, args);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "telex-mix.log",
        "telex-mix-before-task-total.log",
        "seed-examples.log",
        "mixed-stdout.log",
        "concurrent-with-ids.log"
      })
  void noShareExceedsTheWholeAndTheDisjointStagesAddUpToAtMostIt(String log) throws Exception {
    JsonNode stages =
        MAPPER
            .readTree(traceReport(TraceReportCommandTest.fixture(log).toString(), "--json").out())
            .path("stages");

    TraceReportAssertions.assertSharesFitTheWhole(stages);
  }

  private static double share(JsonNode stages, String stage) {
    return stages.path(stage).path("share_of_end_to_end").asDouble();
  }

  private static List<Double> percentages(String text) {
    List<Double> found = new ArrayList<>();
    Matcher matcher = PERCENT.matcher(text);
    while (matcher.find()) {
      found.add(Double.parseDouble(matcher.group(1)));
    }
    return found;
  }
}
