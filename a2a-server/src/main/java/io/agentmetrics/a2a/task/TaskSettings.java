package io.agentmetrics.a2a.task;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The bounds of the task service.
 *
 * @param storeMaxSize how many tasks are kept
 * @param storeMaxBytes how many bytes the tasks kept may retain together, at least {@code
 *     storeMaxSize}
 * @param maxHistory how many messages each task keeps, the newest, and as many artifacts
 * @param ttl how long an untouched task is kept
 * @param agentThreads how many turns run at once
 * @param agentQueueCapacity how many turns may wait for a thread
 * @param push where push notifications may go and how they are delivered
 * @since 0.1.0
 */
public record TaskSettings(
    long storeMaxSize,
    long storeMaxBytes,
    int maxHistory,
    Duration ttl,
    int agentThreads,
    int agentQueueCapacity,
    PushSettings push) {

  /** Checks the fields. */
  public TaskSettings {
    if (storeMaxSize <= 0 || agentThreads <= 0 || agentQueueCapacity <= 0) {
      throw new IllegalArgumentException(
          "storeMaxSize, agentThreads and agentQueueCapacity must be positive");
    }
    if (storeMaxBytes < storeMaxSize) {
      throw new IllegalArgumentException(
          "storeMaxBytes must be at least storeMaxSize ("
              + storeMaxSize
              + "), got "
              + storeMaxBytes);
    }
    if (maxHistory <= 0) {
      throw new IllegalArgumentException("maxHistory must be positive, got " + maxHistory);
    }
    requireNonNull(ttl, "ttl");
    requireNonNull(push, "push");
  }
}
