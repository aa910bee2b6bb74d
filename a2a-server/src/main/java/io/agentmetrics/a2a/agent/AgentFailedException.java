package io.agentmetrics.a2a.agent;

/**
 * The agent ran and returned a failed result, for example because the model timed out or refused
 * the call. Its message says why in words fit for the user who asked (the failed task's status
 * message carries it), but it may quote that user's text, so servers log only its type.
 *
 * @since 0.1.0
 */
public final class AgentFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * An agent failure.
   *
   * @param reason why the agent failed
   * @since 0.1.0
   */
  public AgentFailedException(String reason) {
    super(reason);
  }
}
