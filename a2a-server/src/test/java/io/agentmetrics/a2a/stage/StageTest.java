package io.agentmetrics.a2a.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StageTest {

  @Test
  void requestPartsRunWithinTotalAndTaskPartsWithinTaskTotal() {
    assertThat(Stage.REQUEST_PARTS)
        .containsExactly(
            Stage.JSON_PARSING,
            Stage.MESSAGE_NORMALIZATION,
            Stage.AGENT_PROCESSING,
            Stage.RESPONSE_SERIALIZATION);
    assertThat(Stage.TASK_PARTS)
        .containsExactly(
            Stage.QUEUE_WAIT,
            Stage.TEXT_EXTRACTION,
            Stage.CONTEXT_LOOKUP,
            Stage.LLM_INVOCATION,
            Stage.RESPONSE_BUILDING);
    assertThat(Arrays.stream(Stage.values()).filter(Stage::isWhole))
        .containsExactly(Stage.TASK_TOTAL, Stage.TOTAL);
  }

  @Test
  void theSeedsFourGoalsAreMarkedAndTheBottleneckGoalsAddQueueWaitAndTheModel() {
    assertThat(Arrays.stream(Stage.values()).filter(Stage::hasSeedGoal))
        .containsExactly(
            Stage.JSON_PARSING,
            Stage.MESSAGE_NORMALIZATION,
            Stage.CONTEXT_LOOKUP,
            Stage.RESPONSE_SERIALIZATION);
    assertThat(Arrays.stream(Stage.values()).filter(s -> s.goalMs().isPresent()))
        .containsExactly(
            Stage.JSON_PARSING,
            Stage.MESSAGE_NORMALIZATION,
            Stage.QUEUE_WAIT,
            Stage.CONTEXT_LOOKUP,
            Stage.LLM_INVOCATION,
            Stage.RESPONSE_SERIALIZATION);
    assertThat(Stage.LLM_INVOCATION.goalMs()).hasValue(3_000);
  }

  @Test
  void namesResolveToStagesAndUnknownNamesSortLast() {
    assertThat(Stage.of("llm_invocation")).contains(Stage.LLM_INVOCATION);
    assertThat(Stage.of("tool_call")).isEmpty();
    assertThat(Stage.rank("json_parsing")).isZero();
    assertThat(Stage.rank("tool_call")).isGreaterThan(Stage.rank("total"));
  }
}
