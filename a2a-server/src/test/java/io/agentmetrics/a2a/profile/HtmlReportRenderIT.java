package io.agentmetrics.a2a.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agentmetrics.a2a.A2aServer;
import io.agentmetrics.a2a.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads a real profile report in headless Chromium, checks that every chart was laid out with a
 * non-zero size, and keeps a screenshot in {@code target/}. Skipped, with a notice, where no
 * Chromium is installed ({@code .ci/run} installs the Debian package).
 */
class HtmlReportRenderIT {

  private static final Pattern RENDERED =
      Pattern.compile("<svg class=\"chart\" id=\"([a-z-]+)\"[^>]*data-rendered=\"(\\d+)x(\\d+)\"");

  private static final Pattern LLM_SHARE =
      Pattern.compile(">LLM share</div><div class=\"value\">([0-9.]+)%<");

  private static final String METRICS_SUMMARY =
      """
      {"stage_vocabulary": [
        {"id": "json_parsing", "label": "JSON parsing", "scope": "request", "whole": false, "llm": false, "goal_ms": 1.0},
        {"id": "message_normalization", "label": "Message normalization", "scope": "request", "whole": false, "llm": false, "goal_ms": 5.0},
        {"id": "agent_processing", "label": "Agent processing", "scope": "request", "whole": false, "llm": false},
        {"id": "text_extraction", "label": "Text extraction", "scope": "task", "whole": false, "llm": false},
        {"id": "context_lookup", "label": "Context lookup", "scope": "task", "whole": false, "llm": false, "goal_ms": 1.0},
        {"id": "llm_invocation", "label": "LLM invocation", "scope": "task", "whole": false, "llm": true, "goal_ms": 3000.0},
        {"id": "response_building", "label": "Response building", "scope": "task", "whole": false, "llm": false},
        {"id": "response_serialization", "label": "Response serialization", "scope": "request", "whole": false, "llm": false, "goal_ms": 10.0},
        {"id": "total", "label": "Total", "scope": "request", "whole": true, "llm": false}],
      "sends": {"window": "hour", "paired": 120, "unpaired": 0, "left_out": 0,
        "end_to_end": {"count": 120, "mean_ms": 62.9, "p50_ms": 56.0, "p95_ms": 103.0, "p99_ms": 137.0, "max_ms": 160.0},
        "segments": [
          {"stage": "json_parsing", "label": "JSON parsing", "mean_ms": 0.42, "share": 0.0067, "llm": false},
          {"stage": "message_normalization", "label": "Message normalization", "mean_ms": 1.21, "share": 0.0192, "llm": false},
          {"stage": "llm_invocation", "label": "LLM invocation", "mean_ms": 54.5, "share": 0.8664, "llm": true},
          {"stage": "response_building", "label": "Response building", "mean_ms": 3.94, "share": 0.0626, "llm": false},
          {"stage": "response_serialization", "label": "Response serialization", "mean_ms": 2.15, "share": 0.0342, "llm": false},
          {"stage": "other", "label": "Other", "mean_ms": 0.68, "share": 0.0109, "llm": false}]},
      "stages": {
        "json_parsing": {"count": 120, "mean_ms": 0.42, "p50_ms": 0.39, "p95_ms": 0.71, "p99_ms": 0.93, "max_ms": 1.4},
        "message_normalization": {"count": 120, "mean_ms": 1.21, "p50_ms": 1.1, "p95_ms": 2.2, "p99_ms": 3.1, "max_ms": 4.0},
        "agent_processing": {"count": 120, "mean_ms": 58.6, "p50_ms": 52.0, "p95_ms": 98.0, "p99_ms": 131.0, "max_ms": 152.0},
        "text_extraction": {"count": 120, "mean_ms": 0.05, "p50_ms": 0.05, "p95_ms": 0.09, "p99_ms": 0.12, "max_ms": 0.2},
        "context_lookup": {"count": 120, "mean_ms": 0.12, "p50_ms": 0.1, "p95_ms": 0.3, "p99_ms": 0.5, "max_ms": 0.8},
        "llm_invocation": {"count": 120, "mean_ms": 54.5, "p50_ms": 48.0, "p95_ms": 94.0, "p99_ms": 127.0, "max_ms": 148.0},
        "response_building": {"count": 120, "mean_ms": 3.94, "p50_ms": 3.7, "p95_ms": 5.9, "p99_ms": 7.4, "max_ms": 8.8},
        "response_serialization": {"count": 120, "mean_ms": 2.15, "p50_ms": 2.0, "p95_ms": 3.4, "p99_ms": 4.6, "max_ms": 5.5},
        "total": {"count": 120, "mean_ms": 62.9, "p50_ms": 56.0, "p95_ms": 103.0, "p99_ms": 137.0, "max_ms": 160.0}
      },
      "usage": {
        "windows": {"hour": {
          "input_tokens": {"unit": "{token}", "count": 120, "mean": 790, "p50": 812, "p95": 1400, "p99": 1900, "max": 2100},
          "output_tokens": {"unit": "{token}", "count": 120, "mean": 101, "p50": 96, "p95": 180, "p99": 240, "max": 260},
          "cost_usd": {"unit": "USD", "count": 120, "mean": 0.0002, "p50": 0.00018, "p95": 0.000415, "p99": 0.0005, "max": 0.0006}}},
        "cost_slo": {"metric": "cost_usd", "percentile": 95, "threshold": 0.01, "window": "hour", "observed": 0.000415, "samples": 120, "met": true},
        "unpriced_executions": 0
      }}
      """;

  private static final String NO_CHROMIUM =
      "SKIPPED: no chromium binary on PATH, so the HTML report was not rendered."
          + " Install the Debian package 'chromium' to run this check.";

  @TempDir Path dir;

  @Test
  void profileReportRendersAllChartsInChromium() throws Exception {
    Optional<Chromium> chromium = Chromium.find();
    assumeTrue(chromium.isPresent(), NO_CHROMIUM);
    Path html = Path.of("target", "profile-report.html").toAbsolutePath();
    Random random = new Random(42);
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      // A long-tailed model latency: mostly 30-80 ms, sometimes much slower.
      double u = random.nextDouble();
      delays.add(Math.round(30 + 50 * random.nextDouble() + (u > 0.93 ? 120 * u : 0)));
    }
    try (StubA2aServer server =
        new StubA2aServer(n -> new StubA2aServer.Reply.Task(delays.get((n - 1) % delays.size())))
            .withMetricsSummary(METRICS_SUMMARY)) {
      CommandRun run =
          CommandRun.profile(
              "--url",
              server.url().toString(),
              "--requests",
              "120",
              "--rate",
              "30",
              "--concurrency",
              "8",
              "--warmup",
              "24",
              "--progress",
              "none",
              "--html",
              html.toString());
      assertThat(run.exitCode()).isZero();
    }

    String dom = chromium.get().dumpDom(html.toUri(), profile("a"));
    assertChartsRendered(
        dom, "chart-histogram", "chart-percentiles", "chart-timeline", "chart-stages");

    Path png = Path.of("target", "profile-report.png").toAbsolutePath();
    Files.deleteIfExists(png);
    chromium.get().screenshot(html.toUri(), png, profile("b"), 1280, 1850);
    assertThat(png).isNotEmptyFile();
  }

  @Test
  void traceReportRendersAllChartsInChromium() throws Exception {
    Chromium chromium = chromium();
    Path html = Path.of("target", "trace-report.html").toAbsolutePath();
    CommandRun run =
        CommandRun.of(
            new TraceReportCommand(),
            TraceReportCommandTest.fixture("concurrent-with-ids.log").toString(),
            "--html",
            html.toString());
    assertThat(run.exitCode()).isZero();

    assertChartsRendered(
        chromium.dumpDom(html.toUri(), profile("c")),
        "chart-histogram",
        "chart-percentiles",
        "chart-timeline",
        "chart-stages");
    chromium.screenshot(
        html.toUri(),
        Path.of("target", "trace-report.png").toAbsolutePath(),
        profile("d"),
        1280,
        1850);
  }

  @Test
  void liveDashboardDrawsTheServersStagesInChromium() throws Exception {
    Chromium chromium = chromium();
    try (StubA2aServer server = StubA2aServer.answeringOk().withMetricsSummary(METRICS_SUMMARY)) {
      URI page = server.url().resolve("/dashboard");

      String dom = chromium.dumpDom(page, profile("e"));

      assertChartsRendered(dom, "chart-stages", "chart-stage-percentiles");
      assertThat(dom)
          .contains(
              "class=\"segment stage-", ">LLM invocation<", ">Median end to end<", ">56.0 ms<")
          .contains(">LLM share<", ">86.6%<", ">End to end, 120 sends · mean 62.9 ms<")
          .contains(">P95 cost per task<", ">$0.000415<", ">objective p95 ≤ $0.01: met<")
          .contains(">P50 tokens per task<", ">812 in / 96 out<")
          .contains("updated ");
      chromium.screenshot(
          page, Path.of("target", "dashboard.png").toAbsolutePath(), profile("f"), 1280, 900);
    }
  }

  @Test
  void theRealServersDashboardDrawsItsOwnStages() throws Exception {
    Chromium chromium = chromium();
    try (A2aServer server =
        A2aServer.start(
            ServerConfig.builder().port(0).simulatedLlmLatency(Duration.ZERO).build())) {
      assertThat(
              CommandRun.profile("--url", server.baseUri().toString(), "--requests", "5")
                  .exitCode())
          .isZero();

      String dom = chromium.dumpDom(server.baseUri().resolve("/dashboard"), profile("g"));

      assertChartsRendered(dom, "chart-stages", "chart-stage-percentiles");
      // The simulated model costs nothing: five priced tasks at $0.
      assertThat(dom)
          .contains(">LLM invocation<", ">JSON parsing<", ">P95 cost per task<", ">$0.000000<");
      Matcher share = LLM_SHARE.matcher(dom);
      assertThat(share.find()).as("the LLM share card").isTrue();
      assertThat(Double.parseDouble(share.group(1))).isBetween(0.0, 100.0);
    }
  }

  private static Chromium chromium() {
    Optional<Chromium> chromium = Chromium.find();
    assumeTrue(chromium.isPresent(), NO_CHROMIUM);
    return chromium.get();
  }

  private Path profile(String name) throws IOException {
    return Files.createDirectories(dir.resolve("chromium-" + name));
  }

  private static void assertChartsRendered(String dom, String... ids) {
    Matcher matcher = RENDERED.matcher(dom);
    List<String> rendered = new ArrayList<>();
    while (matcher.find()) {
      assertThat(Integer.parseInt(matcher.group(2)))
          .as(matcher.group(1) + " width")
          .isGreaterThan(200);
      assertThat(Integer.parseInt(matcher.group(3)))
          .as(matcher.group(1) + " height")
          .isGreaterThan(100);
      rendered.add(matcher.group(1));
    }
    assertThat(rendered).containsExactlyInAnyOrder(ids);
    assertThat(dom).contains("data-charts-rendered=\"" + ids.length + "\"");
  }
}
