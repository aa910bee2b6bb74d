package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code GET /dashboard} serves the live charts page, which reads {@code /metrics/summary}. */
class DashboardRouteIT {

  @Test
  void dashboardIsASelfContainedHtmlPageThatPollsTheSummary() throws Exception {
    try (TestServer server = TestServer.start()) {
      HttpResponse<String> page = server.get("/dashboard");

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
      assertThat(page.body())
          .startsWith("<!DOCTYPE html>")
          .contains("id=\"chart-stages\"", "/metrics/summary")
          .doesNotContain("src=\"http", "href=\"http");
    }
  }

  @Test
  void dashboardAnswersOnlyGet() throws Exception {
    try (TestServer server = TestServer.start()) {
      HttpResponse<String> post = server.post("/dashboard", "{}");

      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }
  }
}
