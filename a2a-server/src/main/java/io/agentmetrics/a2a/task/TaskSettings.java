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
 * @param agentQueueTimeout how long a turn may wait for the agent
 * @param callerTurns how many of the {@code agentThreads} turns may run on the threads of the
 *     callers that wait for them
 * @param maxStreams how many event streams may be open at once
 * @param maxStreamsPerTask how many event streams one task may have open at once
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
    Duration agentQueueTimeout,
    int callerTurns,
    int maxStreams,
    int maxStreamsPerTask,
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
    requireNonNull(agentQueueTimeout, "agentQueueTimeout");
    if (callerTurns < 0 || maxStreams <= 0 || maxStreamsPerTask <= 0) {
      throw new IllegalArgumentException(
          "callerTurns must not be negative, and maxStreams and maxStreamsPerTask must be positive");
    }
    requireNonNull(push, "push");
  }
}
