package io.agentmetrics.a2a.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Checks on the {@code stages} of {@code trace-report --json}, for tests in any package. */
public final class TraceReportAssertions {

  /** The request's stages outside agent_processing, and the task's: no two of them overlap. */
  private static final List<String> DISJOINT_STAGES =
      List.of(
          "json_parsing",
          "message_normalization",
          "response_serialization",
          "queue_wait",
          "text_extraction",
          "context_lookup",
          "llm_invocation",
          "response_building");

  private TraceReportAssertions() {}

  /**
   * Every stage has a share of the end-to-end time between 0 and 1, and the shares of the stages
   * that never overlap add up to at most 1.
   */
  public static void assertSharesFitTheWhole(JsonNode stages) {
    assertThat(stages).isNotEmpty();
    stages.forEach(
        stage -> {
          JsonNode share = stage.path("share_of_end_to_end");
          assertThat(share.isNumber()).as("%s has a share", stage).isTrue();
          assertThat(share.asDouble()).isBetween(0.0, 1.0);
        });
    assertThat(disjointShares(stages)).isLessThanOrEqualTo(1.0);
  }

  /** The sum of the shares of the stages that never overlap. */
  static double disjointShares(JsonNode stages) {
    double sum = 0;
    for (String stage : DISJOINT_STAGES) {
      sum += stages.path(stage).path("share_of_end_to_end").asDouble();
    }
    return sum;
  }
}
