package io.agentmetrics.agent.llm;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to ask an LLM: the conversation so far, an optional system instruction and generation
 * limits. The model is a property of the {@link LlmClient}.
 *
 * @param messages the conversation, oldest first; not empty, the last one usually from the user
 * @param systemInstruction instructions that frame the whole conversation, or null for none
 * @param maxOutputTokens the most tokens to generate, or null for the provider's default; positive
 * @param temperature the sampling temperature in [0, 2], or null for the provider's default
 * @since 0.1.0
 */
public record LlmRequest(
    List<LlmMessage> messages,
    @Nullable String systemInstruction,
    @Nullable Integer maxOutputTokens,
    @Nullable Double temperature) {

  /** Checks every field and copies the messages. */
  public LlmRequest {
    messages = List.copyOf(requireNonNull(messages, "messages"));
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages must hold at least one message");
    }
    if (maxOutputTokens != null && maxOutputTokens < 1) {
      throw new IllegalArgumentException(
          "maxOutputTokens must be positive, got " + maxOutputTokens);
    }
    if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
      throw new IllegalArgumentException("temperature must be in [0, 2], got " + temperature);
    }
  }

  /** A request of one user message with the provider's defaults. */
  public static LlmRequest of(String prompt) {
    return builder().user(prompt).build();
  }

  /** A builder that starts with no messages and the provider's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The text of the last user message, or an empty string if there is none. */
  public String lastUserText() {
    for (int i = messages.size() - 1; i >= 0; i--) {
      LlmMessage message = messages.get(i);
      if (message.role() == LlmMessage.Role.USER) {
        return message.text();
      }
    }
    return "";
  }

  /**
   * Builds an {@link LlmRequest}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final ArrayList<LlmMessage> messages = new ArrayList<>();
    private @Nullable String systemInstruction;
    private @Nullable Integer maxOutputTokens;
    private @Nullable Double temperature;

    private Builder() {}

    /** Appends a user message. */
    public Builder user(String text) {
      return message(LlmMessage.user(text));
    }

    /** Appends an assistant message. */
    public Builder assistant(String text) {
      return message(LlmMessage.assistant(text));
    }

    /** Appends a message. */
    public Builder message(LlmMessage message) {
      messages.add(requireNonNull(message, "message"));
      return this;
    }

    /** Sets the system instruction. */
    public Builder systemInstruction(String systemInstruction) {
      this.systemInstruction = requireNonNull(systemInstruction, "systemInstruction");
      return this;
    }

    /** Sets the most tokens to generate; positive. */
    public Builder maxOutputTokens(int maxOutputTokens) {
      this.maxOutputTokens = maxOutputTokens;
      return this;
    }

    /** Sets the sampling temperature, in [0, 2]. */
    public Builder temperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalArgumentException if there is no message or a limit is out of range
     */
    public LlmRequest build() {
      return new LlmRequest(messages, systemInstruction, maxOutputTokens, temperature);
    }
  }
}
