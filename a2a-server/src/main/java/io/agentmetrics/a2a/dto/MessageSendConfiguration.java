package io.agentmetrics.a2a.dto;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Options of a send.
 *
 * @param acceptedOutputModes media types the client accepts
 * @param blocking whether to wait for the finished task (default {@code true})
 * @param historyLength how many history messages to return
 * @param pushNotificationConfig where to POST the finished task
 * @since 0.1.0
 */
public record MessageSendConfiguration(
    @Nullable List<String> acceptedOutputModes,
    @Nullable Boolean blocking,
    @Nullable Integer historyLength,
    @Nullable PushNotificationConfig pushNotificationConfig) {

  /** Checks that {@code historyLength} is not negative. */
  public MessageSendConfiguration {
    acceptedOutputModes = Require.copyOrEmpty(acceptedOutputModes, "acceptedOutputModes");
    Require.nonNegative(historyLength, "historyLength");
  }
}
