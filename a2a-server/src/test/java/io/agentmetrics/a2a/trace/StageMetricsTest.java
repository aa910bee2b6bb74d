package io.agentmetrics.a2a.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.dto.JsonMappers;
import io.agentmetrics.a2a.dto.SendBreakdown;
import io.agentmetrics.a2a.dto.SendSegment;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageMetricsTest {

  private static final ObjectMapper JSON = JsonMappers.create(100, 1_000_000, 1 << 20, 100_000);

  private static final List<String> EVERY_STAGE_IN_ORDER =
      List.of(
          "json_parsing",
          "message_normalization",
          "agent_processing",
          "task_total",
          "queue_wait",
          "text_extraction",
          "context_lookup",
          "llm_invocation",
          "response_building",
          "response_serialization",
          "total");

  private final FakeTimeSource time = new FakeTimeSource();
  private final StageMetrics metrics = new StageMetrics(time);

  @Test
  void everyRequestAndAgentStageIsReportedInTheVocabularysOrderWithEachWindow() {
    for (int i = 1; i <= 100; i++) {
      metrics.onRequest(
          new RequestLatency("r" + i, "message/send", null, 0.5, 1, i, 2, i + 3.5, true));
    }
    metrics.onAgentRun(
        new AgentRunLatency(
            "t", "c", new AgentStageTimings(0.01, 0.02, 800, 0.4), 12.5, 813.5, false));

    var stages = metrics.stages();

    assertThat(stages.keySet()).containsExactlyElementsOf(EVERY_STAGE_IN_ORDER);
    var agent = stages.get("agent_processing");
    assertThat(agent.headline().count()).isEqualTo(100);
    assertThat(agent.headline().p50Ms()).isBetween(49.9, 50.1);
    assertThat(agent.headline().p99Ms()).isBetween(98.9, 99.1);
    assertThat(agent.headline().maxMs()).isBetween(99.9, 100.1);
    assertThat(agent.windows().keySet()).containsExactly("minute", "five_minutes", "hour");
    assertThat(stages.get("queue_wait").headline().meanMs()).isBetween(12.49, 12.51);
    assertThat(stages.get("llm_invocation").headline().p95Ms()).isBetween(799.0, 801.0);
  }

  /**
   * Worked by hand. Blocking send {@code a}: its task (95 ms) ends inside agent_processing (100
   * ms), so its end-to-end time is its total, 110 ms. Non-blocking send {@code b} answers in 6 ms,
   * and its task runs 200 ms from the hand-off: 6 − 2 + 200 = 204 ms. The means over the two: JSON
   * 1, normalization 1.5, queue 5, text 1, context 1.5, LLM 130, building 3.5, the task service's
   * time the task stages do not cover ((100 − 88) + (200 − 194)) / 2 = 9, serialization 2, the
   * request's time its stages do not cover ((110 − 106) + (6 − 5)) / 2 = 2.5; together 157 = (110 +
   * 204) / 2. The LLM's share is 130 / 157 = 82.8%, where mean(llm) / mean(total) over every
   * request, the tasks/get included, was 130 / 40.33 = 322%.
   */
  @Test
  void sendsSplitEachSendsEndToEndTimeSoThatSharesAreOfTheSameSends() {
    metrics.onAgentRun(
        new AgentRunLatency("a", "c", new AgentStageTimings(1, 2, 80, 5), 0, 95, false));
    metrics.onRequest(new RequestLatency("ra", "message/send", "a", 1, 2, 100, 3, 110, false));
    metrics.onRequest(new RequestLatency("rb", "message/send", "b", 1, 1, 2, 1, 6, false));
    metrics.onAgentRun(
        new AgentRunLatency("b", "c", new AgentStageTimings(1, 1, 180, 2), 10, 200, false));
    metrics.onRequest(new RequestLatency("rg", "tasks/get", null, 0.5, 0, 0, 0.5, 5, false));

    SendBreakdown sends = metrics.sends();

    assertThat(sends.paired()).isEqualTo(2);
    assertThat(sends.unpaired()).isZero();
    assertThat(sends.leftOut()).isZero();
    assertThat(sends.endToEnd().meanMs()).isCloseTo(157, withinPercentage(0.1));
    assertThat(sends.segments())
        .extracting(SendSegment::stage)
        .containsExactly(
            "json_parsing",
            "message_normalization",
            "queue_wait",
            "text_extraction",
            "context_lookup",
            "llm_invocation",
            "response_building",
            "agent_other",
            "response_serialization",
            "other");
    double[] means = {1, 1.5, 5, 1, 1.5, 130, 3.5, 9, 2, 2.5};
    for (int i = 0; i < means.length; i++) {
      SendSegment segment = sends.segments().get(i);
      assertThat(segment.meanMs()).as(segment.stage()).isCloseTo(means[i], withinPercentage(0.1));
      assertThat(segment.share())
          .as(segment.stage())
          .isCloseTo(means[i] / 157, withinPercentage(0.2));
    }
    assertThat(sends.segments().get(5).llm()).isTrue();
    assertThat(sends.segments().stream().mapToDouble(SendSegment::share).sum())
        .isCloseTo(1, within(1e-9));
    assertThat(metrics.stages().get("total").headline().count())
        .as("the tasks/get is no send")
        .isEqualTo(2);
  }

  @Test
  void aSendWaitsForItsTaskAndStagesOverTheirTotalsAreLeftOutNotStretched() {
    metrics.onRequest(new RequestLatency("r1", "message/send", "running", 1, 1, 2, 1, 6, false));
    metrics.onAgentRun(
        new AgentRunLatency("bad", "c", new AgentStageTimings(1, 1, 180, 2), 10, 50, false));
    metrics.onRequest(new RequestLatency("r2", "message/send", "bad", 1, 1, 2, 1, 6, false));

    SendBreakdown sends = metrics.sends();

    assertThat(sends.paired()).isZero();
    assertThat(sends.unpaired()).as("the send whose task still runs").isEqualTo(1);
    assertThat(sends.leftOut()).as("task stages of 194 ms in a task total of 50").isEqualTo(1);
    assertThat(sends.endToEnd()).isNull();
    assertThat(sends.segments()).isEmpty();
  }

  @Test
  void vocabularyGivesEveryStageInDisplayOrderWithItsLabelPlaceAndGoal() {
    JsonNode vocabulary = JSON.valueToTree(StageMetrics.vocabulary());

    assertThat(vocabulary.findValuesAsText("id")).containsExactlyElementsOf(EVERY_STAGE_IN_ORDER);
    JsonNode json = vocabulary.get(0);
    assertThat(json.path("label").asText()).isEqualTo("JSON parsing");
    assertThat(json.path("scope").asText()).isEqualTo("request");
    assertThat(json.path("whole").asBoolean()).isFalse();
    assertThat(json.path("goal_ms").asDouble()).isEqualTo(1.0);
    JsonNode llm = vocabulary.get(7);
    assertThat(llm.path("llm").asBoolean()).isTrue();
    assertThat(llm.path("scope").asText()).isEqualTo("task");
    JsonNode total = vocabulary.get(10);
    assertThat(total.path("whole").asBoolean()).isTrue();
    assertThat(total.has("goal_ms")).isFalse();
  }

  @Test
  void summaryJsonUsesSnakeCaseWithHeadlineStatisticsAtTheStageLevel() {
    metrics.onRequest(new RequestLatency("r", "message/send", null, 0.5, 1, 30, 2, 34, true));

    JsonNode total = JSON.valueToTree(metrics.stages()).path("total");

    assertThat(total.path("count").asLong()).isEqualTo(1);
    for (String field : new String[] {"mean_ms", "p50_ms", "p95_ms", "p99_ms", "max_ms"}) {
      assertThat(total.path(field).asDouble()).as(field).isBetween(33.9, 34.1);
    }
    assertThat(total.path("windows").path("minute").path("p99_ms").asDouble())
        .isBetween(33.9, 34.1);
    assertThat(total.path("trend").path("direction").asText()).isEqualTo("stable");
    assertThat(total.has("meanMs")).isFalse();
  }

  @Test
  void shorterWindowsForgetOldSamplesWhileTheHourKeepsThem() {
    metrics.onRequest(new RequestLatency("old", "message/send", null, 0.5, 1, 30, 2, 34, true));
    time.advance(Duration.ofMinutes(10));
    metrics.onRequest(new RequestLatency("new", "message/send", null, 0.5, 1, 30, 2, 34, true));

    var total = metrics.stages().get("total");

    assertThat(total.windows().get("minute").count()).isEqualTo(1);
    assertThat(total.windows().get("hour").count()).isEqualTo(2);
  }

  @Test
  void aSlowerStageIsReportedAsDegradingAndOverItsGoalAsABottleneck() {
    for (int i = 0; i < 40; i++) {
      metrics.onRequest(new RequestLatency("a" + i, "message/send", null, 0.2, 1, 30, 2, 34, true));
    }
    time.advance(Duration.ofMinutes(5));
    for (int i = 0; i < 40; i++) {
      metrics.onRequest(new RequestLatency("b" + i, "message/send", null, 4, 1, 30, 2, 38, true));
    }

    var parsing = metrics.stages().get("json_parsing");
    var bottlenecks = metrics.bottlenecks();

    assertThat(parsing.trend()).isNotNull();
    assertThat(parsing.trend().direction()).isEqualTo("degrading");
    assertThat(parsing.trend().previousCount()).isEqualTo(40);
    assertThat(bottlenecks).hasSize(1);
    assertThat(bottlenecks.get(0).stage()).isEqualTo("json_parsing");
    assertThat(bottlenecks.get(0).thresholdMs()).isEqualTo(1.0);
    assertThat(bottlenecks.get(0).observedMs()).isBetween(3.9, 4.1);
    JsonNode json = JSON.valueToTree(bottlenecks.get(0));
    assertThat(json.properties())
        .extracting(java.util.Map.Entry::getKey)
        .contains("stage", "window", "percentile", "observed_ms", "threshold_ms", "sample_count");
  }

  @Test
  void negativeOrNonFiniteTimingsAreDroppedWithoutThrowing() {
    metrics.onRequest(
        new RequestLatency("r", "message/send", null, -1, Double.NaN, 1, 1, 3, false));

    assertThat(metrics.stages()).doesNotContainKeys("json_parsing", "message_normalization");
    assertThat(metrics.stages()).containsKey("total");
  }

  @Test
  void nothingRecordedGivesNoStagesAndNoBottlenecks() {
    assertThat(metrics.stages()).isEmpty();
    assertThat(metrics.bottlenecks()).isEmpty();
  }
}
