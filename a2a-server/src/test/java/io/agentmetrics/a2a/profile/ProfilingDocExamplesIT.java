package io.agentmetrics.a2a.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.a2a.dashboard.DashboardPage;
import io.agentmetrics.api.testing.DocSnippets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Java examples of {@code docs/profiling.md}, run as written. Each block in the page has the
 * same code between its {@code // snippet: NAME} and {@code // end-snippet} lines here.
 */
class ProfilingDocExamplesIT {

  @Test
  void pageMatchesTheseExamples() {
    DocSnippets.assertPageMatches(
        Path.of("../docs/profiling.md"),
        Path.of("src/test/java/io/agentmetrics/a2a/profile/ProfilingDocExamplesIT.java"));
  }

  @Test
  void profileCanBeRunFromJavaWithItsOutputCaptured() {
    try (StubA2aServer server = StubA2aServer.answeringOk()) {
      String url = server.url().toString();
      // snippet: profile-from-java
      StringWriter out = new StringWriter();
      CommandLine profile =
          new CommandLine(new ProfileCommand()).setOut(new PrintWriter(out, true));
      int exitCode = profile.execute("--url", url, "--requests", "20", "--concurrency", "4");
      // end-snippet

      assertThat(exitCode).isZero();
      assertThat(out.toString()).contains("📈 PROFILING RESULTS", "Total Requests:       20");
    }
  }

  @Test
  void dashboardPageIsOneStringToServe() {
    // snippet: dashboard-page
    String html = DashboardPage.render(); // serve as text/html at GET /dashboard
    // end-snippet

    assertThat(html).startsWith("<!DOCTYPE html>").contains("/metrics/summary");
  }
}
