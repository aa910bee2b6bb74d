package io.agentmetrics.a2a.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.report.ReportModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

class SmallPartsTest {

  @ParameterizedTest
  @CsvSource({
    "500ms,500",
    "30s,30000",
    "30,30000",
    "1.5s,1500",
    "2m,120000",
    "1h,3600000",
    "PT2S,2000"
  })
  void durationsAcceptUnitsAndIso(String text, long millis) {
    assertThat(new DurationConverter().convert(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void durationRejectsGarbageWithAHint() {
    assertThatThrownBy(() -> new DurationConverter().convert("soon"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("use e.g. 500ms, 30s, 2m or 1h");
  }

  @ParameterizedTest
  @CsvSource({
    "http://h:5000,/tasks/send,http://h:5000/tasks/send",
    "http://h:5000/,/tasks/send,http://h:5000/tasks/send",
    "http://h:5000/a2a//,tasks/send,http://h:5000/a2a/tasks/send"
  })
  void endpointsJoinWithOneSlash(String base, String path, String expected) {
    assertThat(Endpoints.resolve(URI.create(base), path)).isEqualTo(URI.create(expected));
  }

  @Test
  void serverBreakdownParsesTheDocumentedShapeAndIgnoresTheRest() throws IOException {
    List<StageSummary> stages =
        ServerBreakdownClient.parse(
            new ObjectMapper()
                .readTree(
                    "{\"stages\":{\"total\":{\"count\":3,\"mean_ms\":5,\"p99_ms\":9},"
                        + "\"json_parsing\":{\"count\":3,\"mean_ms\":0.2,\"p50_ms\":0.1,\"p95_ms\":0.3,"
                        + "\"p99_ms\":0.4,\"max_ms\":0.5,\"extra\":true},\"junk\":7}}"));

    assertThat(stages)
        .containsExactly(
            new StageSummary("json_parsing", 3, 0.2, 0.1, 0.3, 0.4, 0.5),
            new StageSummary("total", 3, 5, 0, 0, 9, 0));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"{}", "{\"stages\":[]}", "[]", "null"})
  void serverBreakdownOfAnotherShapeIsEmpty(String json) throws IOException {
    assertThat(ServerBreakdownClient.parse(new ObjectMapper().readTree(json))).isEmpty();
  }

  @Test
  void stageSegmentsSplitAgentProcessingAndKeepTheRemainders() {
    Map<String, Double> means = new LinkedHashMap<>();
    means.put("total", 100.0);
    means.put("json_parsing", 1.0);
    means.put("message_normalization", 2.0);
    means.put("agent_processing", 90.0);
    means.put("llm_invocation", 80.0);
    means.put("context_lookup", 4.0);
    means.put("response_serialization", 3.0);

    assertThat(StageSegments.from(means))
        .containsExactly(
            new ReportModel.Segment("json_parsing", 1.0, false),
            new ReportModel.Segment("message_normalization", 2.0, false),
            new ReportModel.Segment("context_lookup", 4.0, false),
            new ReportModel.Segment("llm_invocation", 80.0, true),
            new ReportModel.Segment("agent (other)", 6.0, false),
            new ReportModel.Segment("response_serialization", 3.0, false),
            new ReportModel.Segment("other", 4.0, false));
  }

  @Test
  void withoutAgentDetailTheWholeAgentProcessingCountsAsModelTime() {
    assertThat(StageSegments.from(Map.of("agent_processing", 50.0)))
        .containsExactly(new ReportModel.Segment("agent_processing", 50.0, true));
  }

  @Test
  void boundedLineReaderSkipsOverlongLinesAndHandlesAllLineEnds() throws IOException {
    BoundedLineReader reader =
        new BoundedLineReader(new StringReader("short\r\n" + "x".repeat(20) + "\nok\rlast"), 10);
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      lines.add(line);
    }

    assertThat(lines).containsExactly("short", "ok", "last");
    assertThat(reader.oversized()).isEqualTo(1);
  }

  @Test
  void progressLinesPrintOncePerTenth() {
    StringWriter text = new StringWriter();
    ProgressLines progress =
        new ProgressLines(new PrintWriter(text, true), 20, new LoadRunTest.FakeClock());
    for (long i = 1; i <= 20; i++) {
      progress.requestFinished(
          new Sample(i, 0, 0, 1, Outcome.NO_EVENT, i == 3 ? FailureCause.TIMEOUT : null),
          i == 3
              ? Outcome.failure(FailureCause.TIMEOUT, "timeout")
              : Outcome.success(Outcome.NO_EVENT));
    }

    assertThat(text.toString().lines())
        .hasSize(10)
        .startsWith("Progress: 2/20 (10%), 0 failed", "Progress: 4/20 (20%), 1 failed")
        .endsWith("Progress: 20/20 (100%), 1 failed");
  }

  @Test
  void progressBarRedrawsInPlaceAndEndsTheLine() {
    StringWriter text = new StringWriter();
    LoadRunTest.FakeClock clock = new LoadRunTest.FakeClock();
    ProgressBar bar = new ProgressBar(new PrintWriter(text, true), 4, clock);
    for (long i = 1; i <= 4; i++) {
      clock.now += ProgressBar.REDRAW_NANOS;
      bar.requestFinished(
          new Sample(i, 0, 0, 1, Outcome.NO_EVENT, null), Outcome.success(Outcome.NO_EVENT));
    }
    bar.runFinished();

    assertThat(text.toString())
        .startsWith("\r[")
        .contains("] 4/4  100%")
        .contains("0 failed")
        .endsWith(System.lineSeparator())
        .doesNotContain("\n\r");
  }

  @Test
  void sampleRejectsTimesOutOfOrder() {
    assertThatThrownBy(() -> new Sample(1, 10, 5, 20, Outcome.NO_EVENT, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("intended <= start <= end");
  }

  @Test
  void settingsRejectANonPositiveTimeout() {
    assertThatThrownBy(
            () ->
                new ProfileSettings(
                    URI.create("http://h"),
                    URI.create("http://h/x"),
                    "m",
                    1,
                    null,
                    1,
                    0,
                    0,
                    false,
                    Duration.ZERO,
                    false,
                    false))
        .hasMessage("timeout must be positive, got PT0S");
  }

  @ParameterizedTest
  @CsvSource({"0.0004,0.04%", "0.05,5.0%", "0.934,93.4%"})
  void sharesKeepSmallValuesReadable(double share, String text) {
    assertThat(Formats.percent(share)).isEqualTo(text);
  }

  @Test
  void textFromALogPrintsOnOneLine() {
    assertThat(Formats.printable("req-1\n{\"event\":\"x\"}\u0007"))
        .isEqualTo("req-1?{\"event\":\"x\"}?");
    assertThat(Formats.printable("req-1")).isEqualTo("req-1");
  }

  @ParameterizedTest
  @CsvSource({"0,0 sends", "1,1 send", "1204,'1,204 sends'"})
  void countsNameTheirNounInTheRightNumber(long n, String text) {
    assertThat(Formats.count(n, "send")).isEqualTo(text);
  }
}
