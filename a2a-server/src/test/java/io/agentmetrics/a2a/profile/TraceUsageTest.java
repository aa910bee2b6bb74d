package io.agentmetrics.a2a.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceUsageTest {

  private final TraceUsage usage = new TraceUsage();

  @Test
  void percentilesAreNearestRankOverTheTasks() {
    // Ten tasks costing $0.001 .. $0.010: p50 is the 5th value, p95 and p99 the 10th.
    for (int task = 1; task <= 10; task++) {
      usage.accept(agent("t" + task, new TraceEvent.Usage("m", task * 100L, task, task / 1000.0)));
    }

    assertThat(usage.tasks()).isEqualTo(10);
    assertThat(usage.costPercentile(50)).hasValue(0.005);
    assertThat(usage.costPercentile(95)).hasValue(0.010);
    assertThat(usage.costPercentile(99)).hasValue(0.010);
    assertThat(usage.inputTokensPercentile(50)).isEqualTo(500);
    // 100 + 200 + ... + 1,000 = 5,500 input tokens.
    assertThat(usage.totalInputTokens()).isEqualTo(5_500);
  }

  @Test
  void eventsWithoutUsageAndRequestsAreIgnored() {
    usage.accept(agent("t1", null));
    usage.accept(new TraceEvent.Request(1, "r1", "message/send", "t1", Map.of("total", 1.0)));

    assertThat(usage.tasks()).isZero();
    assertThat(usage.costPercentile(50)).isEmpty();
    assertThat(usage.inputTokensPercentile(99)).isZero();
    assertThat(usage.models()).isEmpty();
  }

  private static TraceEvent.Agent agent(String task, TraceEvent.Usage usage) {
    return new TraceEvent.Agent(1, task, "c", null, Map.of("llm_invocation", 1.0), usage);
  }
}
