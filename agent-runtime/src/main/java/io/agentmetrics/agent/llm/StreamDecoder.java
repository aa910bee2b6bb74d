package io.agentmetrics.agent.llm;

/**
 * Turns one provider's streamed events into text pieces and, at the end, a response. One decoder
 * per stream; not thread-safe.
 */
interface StreamDecoder {

  /**
   * Reads one event.
   *
   * @return the text it adds to the answer, empty if none
   * @throws LlmException if the event reports an error or cannot be read
   */
  String onEvent(SseEvent event);

  /** Whether the provider marked the end of the stream, so reading stops now. */
  boolean isTerminal();

  /** Whether the answer is complete, so that the stream may end here without error. */
  boolean isComplete();

  /** The whole answer; valid once {@link #isComplete()}. */
  LlmResponse response();
}
