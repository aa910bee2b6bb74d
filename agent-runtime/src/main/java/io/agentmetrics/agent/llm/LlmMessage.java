package io.agentmetrics.agent.llm;

import static java.util.Objects.requireNonNull;

/**
 * One turn of a conversation sent to an LLM.
 *
 * <p>Immutable and thread-safe.
 *
 * @param role who said it
 * @param text what was said
 * @since 0.1.0
 */
public record LlmMessage(Role role, String text) {

  /** Checks both fields. */
  public LlmMessage {
    requireNonNull(role, "role");
    requireNonNull(text, "text");
  }

  /** A message from the user. */
  public static LlmMessage user(String text) {
    return new LlmMessage(Role.USER, text);
  }

  /** A message the model wrote earlier in the conversation. */
  public static LlmMessage assistant(String text) {
    return new LlmMessage(Role.ASSISTANT, text);
  }

  /**
   * Who wrote a message. System instructions are not a role here; they are {@link
   * LlmRequest#systemInstruction()}, because providers place them differently.
   *
   * @since 0.1.0
   */
  public enum Role {
    /** The user, or the agent speaking for the user. */
    USER,
    /** The model. */
    ASSISTANT
  }
}
