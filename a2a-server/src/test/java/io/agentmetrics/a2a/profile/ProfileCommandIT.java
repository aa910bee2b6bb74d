package io.agentmetrics.a2a.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileCommandIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String METRICS_SUMMARY =
      """
      {"stages": {
        "total": {"count": 5, "mean_ms": 12.5, "p50_ms": 12.0, "p95_ms": 14.0, "p99_ms": 15.0, "max_ms": 15.2},
        "json_parsing": {"count": 5, "mean_ms": 0.4, "p50_ms": 0.38, "p95_ms": 0.7, "p99_ms": 0.9, "max_ms": 1.1},
        "llm_invocation": {"count": 5, "mean_ms": 11.0, "p50_ms": 11.0, "p95_ms": 12.0, "p99_ms": 13.0, "max_ms": 13.5},
        "cache_warmth": "not a stage"
      }, "trends": {}}
      """;

  @TempDir Path dir;

  @Test
  void sequentialRunPrintsTheSeedsLinesAndResultsBlock() throws Exception {
    try (StubA2aServer server = StubA2aServer.answeringOk()) {
      CommandRun run = CommandRun.profile("--url", server.url().toString(), "--requests", "5");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out())
          .startsWith(
              "🚀 Starting profiling against " + server.url() + "\n📊 Running 5 requests...\n\n");
      for (int i = 1; i <= 5; i++) {
        assertThat(run.out())
            .containsPattern("(?m)^Request " + i + "/5\\.\\.\\. ✓ \\d+\\.\\d{2}ms$");
      }
      assertThat(run.out())
          .contains("=".repeat(60) + "\n📈 PROFILING RESULTS\n" + "=".repeat(60) + "\n")
          .contains("Total Requests:       5\n")
          .contains("Successful:           5\n")
          .contains("Failed:               0\n")
          .contains("\nLatency Statistics (ms):\n");
      for (String label : new String[] {"Mean", "Median", "Min", "Max", "Std Dev", "P95", "P99"}) {
        assertThat(run.out())
            .containsPattern(
                Pattern.compile("(?m)^  " + Pattern.quote(label + ":") + " +\\d+\\.\\d{2}$"))
            .contains(String.format("  %-20s", label + ":"));
      }
      assertThat(run.out()).containsPattern("(?m)^Throughput: +\\d+\\.\\d{2} req/s$");
      assertThat(run.err()).isEmpty();
    }
  }

  @Test
  void defaultBodyIsATelexShapedBlockingMessageSendWithUniqueIds() throws Exception {
    try (StubA2aServer server = StubA2aServer.answeringOk()) {
      CommandRun.profile("--url", server.url().toString(), "--requests", "3");

      assertThat(server.bodies()).hasSize(3);
      Set<String> ids = new HashSet<>();
      Set<String> messageIds = new HashSet<>();
      for (JsonNode body : server.bodies()) {
        assertThat(body.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(body.path("method").asText()).isEqualTo("message/send");
        JsonNode message = body.path("params").path("message");
        assertThat(message.path("role").asText()).isEqualTo("user");
        JsonNode parts = message.path("parts");
        assertThat(parts.get(0).path("kind").asText()).isEqualTo("text");
        assertThat(parts.get(0).path("text").asText()).isNotBlank();
        assertThat(parts.get(1).path("kind").asText()).isEqualTo("data");
        assertThat(parts.get(1).path("data").isArray()).isTrue();
        assertThat(parts.get(1).path("data").get(0).path("text").asText()).contains("<p>");
        assertThat(body.path("params").path("configuration").path("blocking").asBoolean()).isTrue();
        ids.add(body.path("id").asText());
        messageIds.add(message.path("messageId").asText());
      }
      assertThat(ids).containsExactlyInAnyOrder("profile-1", "profile-2", "profile-3");
      assertThat(messageIds).hasSize(3);
    }
  }

  @Test
  void failuresAreCountedByCause() throws Exception {
    try (StubA2aServer server =
        new StubA2aServer(
            n ->
                switch (n % 5) {
                  case 1 -> new StubA2aServer.Reply.Status(500);
                  case 2 -> new StubA2aServer.Reply.RpcError(-32603, "Internal error");
                  default -> StubA2aServer.ok();
                })) {
      CommandRun run = CommandRun.profile("--url", server.url().toString(), "--requests", "10");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out())
          .contains("Request 1/10... ✗ HTTP 500\n")
          .contains("Request 2/10... ✗ JSON-RPC error -32603: Internal error\n")
          .contains("Successful:           6\n")
          .contains("Failed:               4\n")
          .contains("  HTTP 500:           2\n")
          .contains("  JSON-RPC error -32603: 2\n");
    }
  }

  @Test
  void aRequestThatOutlivesTheTimeoutCountsAsTimeout() throws Exception {
    try (StubA2aServer server =
        new StubA2aServer(n -> n == 2 ? new StubA2aServer.Reply.Hang() : StubA2aServer.ok())) {
      CommandRun run =
          CommandRun.profile(
              "--url", server.url().toString(), "--requests", "3", "--timeout", "2s");
      server.release();

      assertThat(run.out())
          .contains("Request 2/3... ✗ timeout\n")
          .contains("Successful:           2\n")
          .contains("  timeout:            1\n");
    }
  }

  @Test
  void aPlainJsonRpcErrorAnsweringAStreamRequestCountsByItsCode() throws Exception {
    try (StubA2aServer server =
        new StubA2aServer(n -> new StubA2aServer.Reply.RpcError(-32602, "Invalid params"))) {
      CommandRun run =
          CommandRun.profile("--url", server.url().toString(), "--requests", "2", "--stream");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out())
          .contains("Request 1/2... ✗ JSON-RPC error -32602: Invalid params\n")
          .contains("  JSON-RPC error -32602: 2\n")
          .contains("Latency Statistics (ms): no successful requests");
    }
  }

  @Test
  void aStreamThatStallsAfterItsFirstEventCountsAsTimeout() throws Exception {
    try (StubA2aServer server =
        new StubA2aServer(n -> n == 1 ? new StubA2aServer.Reply.Hang() : StubA2aServer.ok())) {
      CommandRun run =
          CommandRun.profile(
              "--url",
              server.url().toString(),
              "--requests",
              "2",
              "--stream",
              "--timeout",
              "400ms");
      server.release();

      assertThat(run.out())
          .contains("Request 1/2... ✗ timeout\n")
          .contains("Request 2/2... ✓ ")
          .contains("  timeout:            1\n");
    }
  }

  @Test
  void unreachableServerPrintsTheTroubleshootingHintAndExitsWith2() throws Exception {
    String url = "http://127.0.0.1:" + StubA2aServer.closedPort();

    CommandRun run = CommandRun.profile("--url", url, "--requests", "50");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("❌ Could not connect to " + url)
        .contains("Troubleshooting:")
        .contains("curl " + url + "\n")
        .contains("curl -X POST " + url + "/tasks/send");
    assertThat(run.out())
        .contains("Request 1/50... ✗ connection refused")
        .doesNotContain("Request 2/50");
    assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--requests 0 | --requests must be at least 1, got 0",
        "--concurrency 0 | --concurrency must be between 1 and 1024, got 0",
        "--rate -5 | --rate must be between 0 and 1000000 requests/s, got -5.0",
        "--requests 5 --duration 10s | use either --requests or --duration, not both",
        "--duration soon | 'soon' is not a duration",
        "--progress fancy | 'fancy' is not a progress mode",
        "--url ftp://example.org | must be an http:// or https:// URL with a host",
        "--requests lots | Invalid value for option '--requests'",
        "--no-such-option | Unknown option: '--no-such-option'"
      })
  void badOptionsPrintTheProblemAndUsageAndExitWith2(String args, String message) {
    CommandRun run = CommandRun.profile(args.trim().split(" "));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(message).contains("Usage: profile");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void jsonOutputHoldsSettingsStatisticsSamplesHistogramsAndServerStages() throws Exception {
    Path output = dir.resolve("results/run.json");
    try (StubA2aServer server = StubA2aServer.answeringOk().withMetricsSummary(METRICS_SUMMARY)) {
      CommandRun run =
          CommandRun.profile(
              "--url",
              server.url().toString(),
              "--requests",
              "4",
              "--auth-token",
              "s3cret-token",
              "--output",
              output.toString());

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("💾 Results saved to " + output);
      assertThat(server.authorizations()).containsOnly("Bearer s3cret-token");
    }
    String text = Files.readString(output);
    assertThat(text).doesNotContain("s3cret-token");
    JsonNode json = MAPPER.readTree(text);
    assertThat(json.path("schema").asText()).isEqualTo("agentmetrics.profile/v1");
    assertThat(json.path("started_at").asText()).isNotEmpty();
    assertThat(json.path("settings").path("requests").asInt()).isEqualTo(4);
    assertThat(json.path("settings").path("method").asText()).isEqualTo("message/send");
    assertThat(json.path("settings").path("authenticated").asBoolean()).isTrue();
    JsonNode stats = json.path("statistics");
    assertThat(stats.path("total_requests").asInt()).isEqualTo(4);
    assertThat(stats.path("successful").asInt()).isEqualTo(4);
    assertThat(stats.path("latency_ms").path("count").asInt()).isEqualTo(4);
    assertThat(stats.path("latency_ms").path("p99").asDouble()).isPositive();
    assertThat(stats.path("latency_ms").path("percentiles")).hasSize(8);
    assertThat(json.path("samples")).hasSize(4);
    assertThat(json.path("samples").get(0).path("index").asInt()).isEqualTo(1);
    assertThat(json.path("samples").get(0).path("latency_ms").asDouble()).isPositive();
    assertThat(json.path("samples").get(0).path("ok").asBoolean()).isTrue();
    assertThat(json.path("server_stages").path("json_parsing").path("p95_ms").asDouble())
        .isEqualTo(0.7);
    assertThat(json.path("server_stages").has("cache_warmth")).isFalse();
    Histogram histogram =
        Histogram.decodeFromCompressedByteBuffer(
            ByteBuffer.wrap(
                Base64.getDecoder().decode(json.path("histograms").path("latency").asText())),
            0);
    assertThat(histogram.getTotalCount()).isEqualTo(4);
  }

  @Test
  void serverBreakdownIsPrintedWhenTheServerOffersIt() throws Exception {
    try (StubA2aServer server = StubA2aServer.answeringOk().withMetricsSummary(METRICS_SUMMARY)) {
      CommandRun run = CommandRun.profile("--url", server.url().toString(), "--requests", "2");

      assertThat(run.out())
          .contains("Server Stages (ms, from /metrics/summary):")
          .containsPattern("(?m)^  json_parsing +5 +0\\.40 +0\\.38 +0\\.70 +0\\.90 +1\\.10$");
      assertThat(run.out().indexOf("json_parsing")).isLessThan(run.out().indexOf("llm_invocation"));
      assertThat(run.out().indexOf("llm_invocation")).isLessThan(run.out().indexOf("  total"));
    }
  }

  @Test
  void missingMetricsSummaryIsSilentlySkipped() throws Exception {
    try (StubA2aServer server = StubA2aServer.answeringOk()) {
      CommandRun run = CommandRun.profile("--url", server.url().toString(), "--requests", "2");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).doesNotContain("Server Stages");
      assertThat(run.err()).isEmpty();
    }
  }

  @Test
  void streamingReportsTimeToFirstEvent() throws Exception {
    Path output = dir.resolve("stream.json");
    Path html = dir.resolve("stream.html");
    try (StubA2aServer server = new StubA2aServer(n -> new StubA2aServer.Reply.Task(150))) {
      CommandRun run =
          CommandRun.profile(
              "--url",
              server.url().toString(),
              "--requests",
              "3",
              "--warmup",
              "1",
              "--stream",
              "--output",
              output.toString(),
              "--html",
              html.toString());

      assertThat(run.exitCode()).isZero();
      assertThat(run.out())
          .contains("Time to First Event (ms):")
          .contains("⚙️  1 warm-up request, streaming (message/stream)\n");
      assertThat(Files.readString(html)).contains("time to first event", "TTFT P50");
      assertThat(server.bodies())
          .allSatisfy(body -> assertThat(body.path("method").asText()).isEqualTo("message/stream"));
    }
    JsonNode json = MAPPER.readTree(output.toFile());
    assertThat(json.path("statistics").path("ttft_ms").path("count").asInt()).isEqualTo(3);
    // The stub sends its first event at once and the last one 150 ms later. (The warm-up keeps the
    // JVM's first-ever stream, slow while classes load, out of the measurement.)
    assertThat(json.path("samples"))
        .hasSize(3)
        .allSatisfy(
            sample -> {
              assertThat(sample.path("latency_ms").asDouble()).isGreaterThanOrEqualTo(150);
              assertThat(sample.path("ttft_ms").asDouble())
                  .isLessThan(sample.path("latency_ms").asDouble() - 100);
            });
  }

  @Test
  void openLoopCorrectsForCoordinatedOmissionWhenTheServerStallsOnce() throws Exception {
    Path output = dir.resolve("open-loop.json");
    try (StubA2aServer server =
        new StubA2aServer(n -> n == 3 ? new StubA2aServer.Reply.Task(1000) : StubA2aServer.ok())) {
      CommandRun run =
          CommandRun.profile(
              "--url",
              server.url().toString(),
              "--requests",
              "40",
              "--rate",
              "20",
              "--progress",
              "none",
              "--output",
              output.toString());

      assertThat(run.exitCode()).isZero();
      assertThat(run.out())
          .contains("Uncorrected Latency (ms, from actual send):")
          .contains("⚠ The client fell behind its schedule")
          .contains("(target 20.00 req/s)");
    }
    JsonNode json = MAPPER.readTree(output.toFile());
    JsonNode corrected = json.path("statistics").path("latency_ms");
    JsonNode uncorrected = json.path("statistics").path("latency_uncorrected_ms");
    assertThat(json.path("statistics").path("corrected_for_coordinated_omission").asBoolean())
        .isTrue();
    // The stall delays every request scheduled during it: about half the run waits behind it.
    assertThat(corrected.path("median").asDouble())
        .isGreaterThan(uncorrected.path("median").asDouble());
    assertThat(corrected.path("p90").asDouble())
        .isGreaterThan(3 * uncorrected.path("p90").asDouble())
        .isGreaterThan(500);
    assertThat(json.path("schedule").path("late_starts").asInt()).isGreaterThan(5);
    assertThat(json.path("schedule").path("client_saturated").asBoolean()).isTrue();
  }

  @Test
  void concurrentRunShowsProgressLinesInsteadOfPerRequestLines() throws Exception {
    try (StubA2aServer server = StubA2aServer.answeringOk()) {
      CommandRun run =
          CommandRun.profile(
              "--url", server.url().toString(), "--requests", "20", "--concurrency", "4");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out())
          .contains("⚙️  concurrency 4")
          .contains("Progress: 2/20 (10%), 0 failed\n")
          .contains("Progress: 20/20 (100%), 0 failed\n")
          .doesNotContain("Request 1/20")
          .contains("Total Requests:       20\n");
      assertThat(server.posts()).isEqualTo(20);
    }
  }

  @Test
  void warmUpRequestsAreSentButNotMeasured() throws Exception {
    try (StubA2aServer server = StubA2aServer.answeringOk()) {
      CommandRun run =
          CommandRun.profile("--url", server.url().toString(), "--requests", "2", "--warmup", "3");

      assertThat(server.posts()).isEqualTo(5);
      assertThat(run.out()).contains("Total Requests:       2\n").contains("3 warm-up requests");
    }
  }

  @Test
  void timeBoundOpenLoopRunSendsRateTimesDurationRequests() throws Exception {
    try (StubA2aServer server = StubA2aServer.answeringOk()) {
      CommandRun run =
          CommandRun.profile(
              "--url", server.url().toString(), "--duration", "500ms", "--rate", "10");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out())
          .contains("📊 Running for 0.50 s...")
          .contains("Total Requests:       5\n");
      assertThat(server.posts()).isEqualTo(5);
    }
  }

  @Test
  void customBodyIsSentAsGiven() throws Exception {
    Path body = dir.resolve("body.json");
    Files.writeString(
        body,
        "{\"jsonrpc\":\"2.0\",\"id\":\"mine\",\"method\":\"message/send\",\"params\":{\"message\":"
            + "{\"role\":\"user\",\"messageId\":\"m-1\",\"parts\":[{\"kind\":\"text\",\"text\":\"hi\"}]}}}");
    try (StubA2aServer server = StubA2aServer.answeringOk()) {
      CommandRun run =
          CommandRun.profile(
              "--url", server.url().toString(), "--requests", "2", "--body", body.toString());

      assertThat(run.exitCode()).isZero();
      assertThat(server.bodies())
          .allSatisfy(
              received -> {
                assertThat(received.path("id").asText()).isEqualTo("mine");
                assertThat(
                        received
                            .path("params")
                            .path("message")
                            .path("parts")
                            .get(0)
                            .path("text")
                            .asText())
                    .isEqualTo("hi");
              });
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{not json | is not valid JSON",
        "[1, 2] | must hold a JSON-RPC request object with a \"method\" string",
      })
  void unusableBodyFileIsRejectedWithExitCode2(String content, String message) throws Exception {
    Path body = dir.resolve("bad.json");
    Files.writeString(body, content, StandardCharsets.UTF_8);

    CommandRun run = CommandRun.profile("--body", body.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--body " + body).contains(message);
  }

  @Test
  void unwritableOutputFileExitsWith2AfterPrintingTheResults() throws Exception {
    Path blocker = Files.writeString(dir.resolve("not-a-directory"), "");
    try (StubA2aServer server = StubA2aServer.answeringOk()) {
      CommandRun run =
          CommandRun.profile(
              "--url",
              server.url().toString(),
              "--requests",
              "1",
              "--output",
              blocker.resolve("run.json").toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).contains("📈 PROFILING RESULTS");
      assertThat(run.err())
          .contains("❌ Cannot write " + blocker.resolve("run.json"))
          .contains("Check that the path is writable.");
    }
  }

  @Test
  void htmlReportIsOneSelfContainedFile() throws Exception {
    Path html = dir.resolve("report.html");
    String url;
    try (StubA2aServer server = StubA2aServer.answeringOk().withMetricsSummary(METRICS_SUMMARY)) {
      url = server.url().toString();
      CommandRun run =
          CommandRun.profile("--url", url, "--requests", "5", "--html", html.toString());
      assertThat(run.out()).contains("📄 HTML report written to " + html);
    }
    String page = Files.readString(html);
    assertThat(page).startsWith("<!DOCTYPE html>");
    assertThat(page.split("<svg class=\"chart\"", -1)).hasSize(5);
    assertThat(page)
        .contains("id=\"chart-histogram\"", "id=\"chart-percentiles\"", "id=\"chart-timeline\"")
        .contains("id=\"chart-stages\"", "llm_invocation")
        .doesNotContain("<link", "src=", "url(", "@import", "<img", "<iframe");
    assertThat(page.replace(url, "")).doesNotContain("http://", "https://");
  }
}
