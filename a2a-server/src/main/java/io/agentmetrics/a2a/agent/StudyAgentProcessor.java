package io.agentmetrics.a2a.agent;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.agent.AgentExecutionContext;
import io.agentmetrics.agent.ExecutionResult;

/**
 * Runs the {@link StudyAgent} for each task turn: one execution per turn, with the task id as its
 * run id and the context id as its conversation id.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class StudyAgentProcessor implements TaskProcessor {

  private final StudyAgent agent;

  /**
   * A processor running {@code agent}.
   *
   * @param agent the agent
   * @since 0.1.0
   */
  public StudyAgentProcessor(StudyAgent agent) {
    this.agent = requireNonNull(agent, "agent");
  }

  @Override
  public AgentReply process(AgentRequest request) throws Exception {
    ExecutionResult result =
        agent.run(
            AgentExecutionContext.builder()
                .runId(request.taskId())
                .agentName(agent.name())
                .conversationId(request.contextId())
                .attribute(StudyAgent.REQUEST_ATTRIBUTE, request)
                .build());
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("the turn was cancelled");
    }
    if (!result.success()) {
      throw new AgentFailedException(result.error().orElse("the agent failed"));
    }
    // StudyAgent puts both in every result it reports a success.
    return new AgentReply(
        (String) requireNonNull(result.data().get(StudyAgent.ANSWER), StudyAgent.ANSWER),
        (AgentStageTimings)
            requireNonNull(result.data().get(StudyAgent.STAGES), StudyAgent.STAGES));
  }
}
