package io.agentmetrics.a2a.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.A2aServer;
import io.agentmetrics.a2a.ServerConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The profiler reads the breakdown of the real server, not only of a stub that mimics it. */
class ServerBreakdownClientIT {

  @Test
  void theProfilerReadsTheRealServersStageStatistics() throws Exception {
    List<StageSummary> stages;
    try (A2aServer server =
        A2aServer.start(
            ServerConfig.builder().port(0).simulatedLlmLatency(Duration.ZERO).build())) {
      CommandRun run = CommandRun.profile("--url", server.baseUri().toString(), "--requests", "3");
      assertThat(run.exitCode()).isZero();
      stages =
          new ServerBreakdownClient(HttpClient.newHttpClient(), new ObjectMapper())
              .fetch(server.baseUri(), null);
    }

    assertThat(stages).extracting(StageSummary::name).contains("json_parsing", "total");
    StageSummary total =
        stages.stream().filter(s -> s.name().equals("total")).findFirst().orElseThrow();
    assertThat(total.count()).isEqualTo(3);
    assertThat(total.meanMs()).isPositive();
    assertThat(total.p50Ms()).isPositive();
    assertThat(total.maxMs()).isGreaterThanOrEqualTo(total.p99Ms()).isPositive();
  }
}
