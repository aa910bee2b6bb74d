package io.agentmetrics.agent.llm;

/**
 * Receives the text of a streamed answer as it arrives. The first call marks the time to first
 * token.
 *
 * <p>Calls for one stream come from one thread at a time, in order, but not necessarily from the
 * thread that started the stream. A listener that throws ends the stream: the HTTP exchange is
 * closed and the stream's future completes with that exception.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface LlmStreamListener {

  /** A listener that ignores the text; the complete answer is still in the response. */
  static LlmStreamListener ignoring() {
    return text -> {};
  }

  /**
   * Called with each piece of text, as the provider sends it: one token or several. Never called
   * with an empty string.
   */
  void onToken(String text);
}
