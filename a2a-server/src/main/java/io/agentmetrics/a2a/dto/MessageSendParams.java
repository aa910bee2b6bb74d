package io.agentmetrics.a2a.dto;

import org.jspecify.annotations.Nullable;

/**
 * The params of {@code message/send} and {@code message/stream}.
 *
 * @param message the message to send
 * @param configuration how to send it
 * @param metadata optional metadata
 * @since 0.1.0
 */
public record MessageSendParams(
    Message message, @Nullable MessageSendConfiguration configuration, @Nullable RawJson metadata) {

  /** Checks that the message is present. */
  public MessageSendParams {
    Require.present(message, "message");
  }

  /**
   * Whether the client waits for the finished task (the default).
   *
   * @return {@code false} only when {@code configuration.blocking} is {@code false}
   * @since 0.1.0
   */
  public boolean blocking() {
    return configuration == null || configuration.blocking() == null || configuration.blocking();
  }
}
