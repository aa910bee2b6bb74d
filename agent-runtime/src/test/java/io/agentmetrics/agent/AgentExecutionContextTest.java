package io.agentmetrics.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.api.ExecutionContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentExecutionContextTest {

  @Test
  void builderSetsEveryFieldAsTheSeedDoes() {
    DeepAgentState state = new DeepAgentState();

    AgentExecutionContext context =
        AgentExecutionContext.builder()
            .runId("run-1")
            .agentName("supervisor")
            .state(state)
            .userId("user123")
            .conversationId("conv-9")
            .attribute("tenant", "acme")
            .build();

    assertThat(context.runId()).isEqualTo("run-1");
    assertThat(context.agentName()).isEqualTo("supervisor");
    assertThat(context.state()).isSameAs(state);
    assertThat(context.userId()).contains("user123");
    assertThat(context.conversationId()).contains("conv-9");
    assertThat(context.attributes())
        .containsExactly(
            Map.entry(ExecutionContext.CONVERSATION_ID, "conv-9"), Map.entry("tenant", "acme"));
  }

  @Test
  void stateDefaultsToANewEmptyOneAndUserToNone() {
    AgentExecutionContext first = AgentExecutionContext.of("run-1", "agent");
    AgentExecutionContext second = AgentExecutionContext.of("run-2", "agent");

    assertThat(first.state().isEmpty()).isTrue();
    assertThat(first.state()).isNotSameAs(second.state());
    assertThat(first.userId()).isEmpty();
    assertThat(first.conversationId()).isEmpty();
    assertThat(first.attributes()).isEmpty();
  }

  @Test
  void missingRunIdOrAgentNameIsNamedInTheError() {
    assertThatThrownBy(() -> AgentExecutionContext.builder().agentName("a").build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("runId is required");
    assertThatThrownBy(() -> AgentExecutionContext.builder().runId("r").build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("agentName is required");
  }

  @Test
  void blankValuesAreRejectedNamingTheField() {
    assertThatThrownBy(() -> AgentExecutionContext.builder().runId(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("runId must not be blank");
    assertThatThrownBy(() -> AgentExecutionContext.builder().userId(""))
        .hasMessage("userId must not be blank");
  }

  @Test
  void attributesCannotBeChangedAfterBuilding() {
    AgentExecutionContext context =
        AgentExecutionContext.builder().runId("r").agentName("a").attribute("k", "v").build();

    assertThatThrownBy(() -> context.attributes().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toBuilderDerivesAContextSharingTheState() {
    AgentExecutionContext original =
        AgentExecutionContext.builder().runId("r").agentName("a").userId("u").build();

    AgentExecutionContext derived = original.toBuilder().agentName("child").build();

    assertThat(derived.agentName()).isEqualTo("child");
    assertThat(derived.userId()).contains("u");
    assertThat(derived.state()).isSameAs(original.state());
  }

  @Test
  void toStringLeavesOutTheState() {
    AgentExecutionContext context = AgentExecutionContext.of("r", "a");
    context.state().put("secret-notes", "do not print");

    assertThat(context.toString()).contains("runId=r").doesNotContain("do not print");
  }
}
