package io.agentmetrics.a2a.task;

import io.agentmetrics.a2a.dto.Task;
import java.io.IOException;

/**
 * Writes the body of a push notification. Each protocol version has its own: A2A 0.3 posts the
 * task, A2A 1.0 a {@code StreamResponse} holding it. A config keeps the payload of the version it
 * was registered in, so every client gets notifications it can read.
 *
 * <p>Implementations are thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PushPayload {

  /**
   * The body for {@code task}.
   *
   * @param task the task in its state after the turn
   * @return the JSON bytes
   * @throws IOException if the task cannot be written
   * @since 0.1.0
   */
  byte[] encode(Task task) throws IOException;
}
