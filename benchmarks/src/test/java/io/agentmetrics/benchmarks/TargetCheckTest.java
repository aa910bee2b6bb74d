package io.agentmetrics.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.benchmarks.Verdict.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetCheckTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private Path results;
  private Path footprint;
  private Path summary;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @BeforeEach
  void copyFixture() throws IOException {
    results = dir.resolve("results.json");
    footprint = dir.resolve("footprint.json");
    summary = dir.resolve("out/summary.json");
    try (InputStream fixture = TargetCheckTest.class.getResourceAsStream("jmh-result.json")) {
      assertThat(fixture).as("fixture on the test class path").isNotNull();
      Files.copy(fixture, results);
    }
  }

  @ParameterizedTest
  @CsvSource({
    // The collector's mean is inflated by one noisy iteration; the medians give 710 / 400.
    "collector-vs-floor,      PASS,    1.775",
    // 710 ns against a median of 0.9 us, after converting units.
    "collector-vs-micrometer, FAIL,    0.78889",
    "ingest-vs-recorder-2t,   FAIL,    3.0",
    // 250 us is 0.25 ms.
    "query-hour,              PASS,    0.25",
    // CPU time per operation, from CpuTimeProfiler: 900 ns against 400 ns.
    "collector-vs-floor-cpu,  PASS,    2.25",
  })
  void judgesEachTargetOnMediansInCommonUnits(String target, Status status, double measured)
      throws IOException {
    Verdict verdict = verdicts().get(target);

    assertThat(verdict.status()).isEqualTo(status);
    assertThat(verdict.measured()).isCloseTo(measured, within(1e-4));
  }

  @Test
  void targetWhoseBenchmarkDidNotRunIsMissingNotFailed() throws IOException {
    Verdict verdict = verdicts().get("collector-vs-otel");

    assertThat(verdict.status()).isEqualTo(Status.MISSING);
    assertThat(verdict.detail()).contains("ExecutionBenchmark.openTelemetrySpans");
  }

  @Test
  void cpuTargetWithoutCpuTimeIsMissingAndSaysWhichProfilerGivesIt() throws IOException {
    Verdict verdict = verdicts().get("collector-vs-micrometer-cpu");

    assertThat(verdict.status()).isEqualTo(Status.MISSING);
    assertThat(verdict.detail()).contains("-prof " + CpuTimeProfiler.class.getName());
  }

  @Test
  void footprintWithinTenPercentPasses() throws IOException {
    writeFootprint(1_000_000, 1_050_000, 1_090_000);

    Verdict verdict = verdicts().get("footprint-flat");

    assertThat(verdict.status()).isEqualTo(Status.PASS);
    assertThat(verdict.measured()).isCloseTo(0.09, within(1e-9));
  }

  @Test
  void footprintGrowingByMoreThanTenPercentFails() throws IOException {
    writeFootprint(1_000_000, 1_050_000, 1_200_000);

    assertThat(verdicts().get("footprint-flat").status()).isEqualTo(Status.FAIL);
  }

  @Test
  void footprintWithoutProbeOutputIsMissing() throws IOException {
    assertThat(verdicts().get("footprint-flat").status()).isEqualTo(Status.MISSING);
  }

  @Test
  void summaryHoldsVerdictsAndAllocationPerOperation() throws IOException {
    verdicts();

    JsonNode written = MAPPER.readTree(summary.toFile());
    assertThat(written.get("verdicts")).hasSize(TargetCheck.TARGETS.size());
    JsonNode collector = written.get("benchmarks").get(1);
    assertThat(collector.get("benchmark").asText())
        .isEqualTo("ExecutionBenchmark.enhancedCollector");
    assertThat(collector.get("median").asDouble()).isEqualTo(710.0);
    assertThat(collector.get("allocatedBytesPerOp").asDouble()).isEqualTo(1520.0);
    assertThat(collector.get("cpuNanosPerOp").asDouble()).isEqualTo(900.0);
    assertThat(written.get("benchmarks").get(2).has("allocatedBytesPerOp")).isFalse();
  }

  @Test
  void printsOneRowPerBenchmarkAndPerTarget() throws IOException {
    verdicts();

    String table = printed.toString(StandardCharsets.UTF_8);
    assertThat(table)
        .contains("QueryBenchmark.aggregatedMetrics[window=HOUR]")
        .containsPattern("collector-vs-floor\\s+PASS")
        .containsPattern("collector-vs-otel\\s+MISSING");
  }

  @Test
  void fileThatIsNotAJmhResultIsRejectedWithAHint() throws IOException {
    Files.writeString(results, "{\"benchmark\": \"x\"}");

    assertThatThrownBy(this::verdicts)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-rf json");
  }

  @Test
  void scoreThatIsNotATimePerOperationIsRejected() {
    JmhResult throughput =
        new JmhResult(
            "X.y", 1, 5, 0.1, 5, "ops/us", OptionalDouble.empty(), OptionalDouble.empty());

    assertThatThrownBy(throughput::nanosPerOp)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X.y")
        .hasMessageContaining("ops/us");
  }

  private Map<String, Verdict> verdicts() throws IOException {
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      List<Verdict> verdicts = TargetCheck.run(results, footprint, summary, out);
      return verdicts.stream().collect(Collectors.toMap(Verdict::target, Function.identity()));
    }
  }

  private void writeFootprint(long... retainedBytes) throws IOException {
    List<FootprintSample> samples =
        List.of(
            new FootprintSample(10_000, retainedBytes[0], 1),
            new FootprintSample(1_000_000, retainedBytes[1], 1),
            new FootprintSample(10_000_000, retainedBytes[2], 1));
    MAPPER.writeValue(footprint.toFile(), samples);
  }
}
