package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command: {@code java -jar a2a-server.jar demo}, with its defaults, offline. */
class DemoCommandIT {

  private static final Path JAR = Path.of("target", "a2a-server.jar").toAbsolutePath();

  @TempDir Path workDir;

  @Test
  void demoProfilesAnInProcessServerReportsEveryStageAndWritesASelfContainedHtmlReport()
      throws Exception {
    assertThat(Files.isRegularFile(JAR)).as("run after package: %s", JAR).isTrue();
    Path output = workDir.resolve("demo.out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-jar", JAR.toString(), "demo")
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("A2A_") || k.startsWith("OTEL_"));
    builder.environment().remove("GEMINI_API_KEY");
    Process process = builder.start();

    boolean exited = process.waitFor(5, TimeUnit.MINUTES);
    if (!exited) {
      process.destroyForcibly();
    }
    String out = Files.readString(output, StandardCharsets.UTF_8);

    assertThat(exited).as("demo finished; output so far:%n%s", out).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("Warming up with 40 untraced requests")
        .contains("📊 Running 100 requests")
        .contains("📈 PROFILING RESULTS")
        .contains("Total Requests:       100\n")
        .contains("Successful:           100\n")
        .contains("Failed:               0\n")
        .containsPattern("(?m)^  P99: +\\d+\\.\\d{2}$")
        .contains("PER-STAGE LATENCY")
        .contains("100 sends, 100 with agent detail")
        .contains("Shares and overhead cover every send, each paired with its task.");
    for (String stage :
        new String[] {
          "json_parsing",
          "message_normalization",
          "agent_processing",
          "response_serialization",
          "text_extraction",
          "context_lookup",
          "llm_invocation",
          "response_building"
        }) {
      assertThat(out).containsPattern("(?m)^ *" + stage + " +100 ");
    }
    assertThat(out)
        .containsPattern("(?m)^💡 llm_invocation is \\d+(\\.\\d+)?% of end-to-end time;");

    Path report = workDir.resolve("agentmetrics-demo-report.html");
    assertThat(out).contains("Open the HTML report: " + report.toUri());
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html).contains("<svg").doesNotContain("src=\"http").doesNotContain("href=\"http");
  }
}
