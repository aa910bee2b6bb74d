package io.agentmetrics.agent.llm;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Why a model stopped generating, normalized across providers.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum FinishReason {
  /** The model finished its answer or hit a stop sequence. */
  STOP,
  /** The answer was cut at the output token limit. */
  MAX_TOKENS,
  /** The provider withheld or cut the answer for safety, recitation or policy reasons. */
  CONTENT_FILTER,
  /** The model stopped to call a tool. */
  TOOL_CALL,
  /** Any other reason, or none reported. */
  OTHER;

  /** Maps a provider's finish reason ({@code "STOP"}, {@code "length"}, ...) to this enum. */
  static FinishReason fromProvider(@Nullable String reason) {
    if (reason == null) {
      return OTHER;
    }
    return switch (reason.toLowerCase(Locale.ROOT)) {
      case "stop", "end_turn", "stop_sequence" -> STOP;
      case "max_tokens", "length" -> MAX_TOKENS;
      case "safety", "recitation", "blocklist", "prohibited_content", "spii", "content_filter" ->
          CONTENT_FILTER;
      case "tool_calls", "function_call", "tool_use" -> TOOL_CALL;
      default -> OTHER;
    };
  }
}
