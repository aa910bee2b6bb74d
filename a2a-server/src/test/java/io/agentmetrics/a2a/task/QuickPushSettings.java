package io.agentmetrics.a2a.task;

import java.time.Duration;
import java.util.List;

/** Push settings for tests that do not push to a receiver: one quick attempt, no retries. */
public final class QuickPushSettings {

  private QuickPushSettings() {}

  /**
   * Any public host, internal addresses refused, ten configs per task, one attempt of at most a
   * second.
   */
  public static PushSettings of() {
    return new PushSettings(
        List.of(),
        false,
        10,
        Duration.ofSeconds(1),
        1,
        Duration.ofMillis(10),
        Duration.ofMillis(10));
  }
}
