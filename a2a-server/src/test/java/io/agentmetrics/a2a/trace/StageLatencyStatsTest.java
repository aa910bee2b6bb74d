package io.agentmetrics.a2a.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.a2a.agent.AgentStageTimings;
import org.junit.jupiter.api.Test;

class StageLatencyStatsTest {

  @Test
  void snapshotSummarisesEachRecordedStageInPipelineOrder() {
    StageLatencyStats stats = new StageLatencyStats();
    for (int i = 1; i <= 100; i++) {
      stats.onRequest(
          new RequestLatency("r" + i, "message/send", "t", 0.5, 1, i, 2, i + 3.5, true));
    }
    stats.onAgentRun(
        new AgentRunLatency("t", "c", new AgentStageTimings(0.01, 0.02, 800, 0.4), 12.5, false));

    var snapshot = stats.snapshot();

    assertThat(snapshot.keySet())
        .containsExactly(
            "json_parsing",
            "message_normalization",
            "agent_processing",
            "response_serialization",
            "total",
            "queue_wait",
            "text_extraction",
            "context_lookup",
            "llm_invocation",
            "response_building");
    LatencySummary agent = snapshot.get("agent_processing");
    assertThat(agent.count()).isEqualTo(100);
    assertThat(agent.p50Ms()).isBetween(49.9, 50.1);
    assertThat(agent.p99Ms()).isBetween(98.9, 99.1);
    assertThat(agent.maxMs()).isBetween(99.9, 100.1);
    assertThat(snapshot.get("queue_wait").meanMs()).isBetween(12.49, 12.51);
  }

  @Test
  void stagesNeverRecordedAreLeftOut() {
    assertThat(new StageLatencyStats().snapshot()).isEmpty();
  }
}
