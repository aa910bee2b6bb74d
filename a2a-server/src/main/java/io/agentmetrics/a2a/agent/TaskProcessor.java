package io.agentmetrics.a2a.agent;

/**
 * Answers one turn of a task. The server calls it on an agent thread; cancelling the task
 * interrupts that thread, so implementations should let {@link InterruptedException} (or an
 * interrupted LLM call) end the work promptly.
 *
 * <p>Implementations must be thread-safe: one processor serves many tasks at once.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TaskProcessor {

  /**
   * Produces the reply to {@code request}.
   *
   * @param request the task, its conversation and the normalized message
   * @return the reply text and the stage timings
   * @throws InterruptedException when the task is cancelled
   * @throws Exception when the agent fails; the task then ends {@code failed}
   * @since 0.1.0
   */
  AgentReply process(AgentRequest request) throws Exception;
}
