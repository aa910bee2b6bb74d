package io.agentmetrics.a2a.task;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

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
 * @param pushAllowedHosts push hosts allowed, empty for any
 * @param pushTimeout timeout of one push attempt
 * @param pushMaxAttempts attempts per push notification
 * @param pushInitialBackoff the wait before the first retry, doubled for each later one
 * @since 0.1.0
 */
public record TaskSettings(
    long storeMaxSize,
    long storeMaxBytes,
    int maxHistory,
    Duration ttl,
    int agentThreads,
    int agentQueueCapacity,
    List<String> pushAllowedHosts,
    Duration pushTimeout,
    int pushMaxAttempts,
    Duration pushInitialBackoff) {

  /** Checks the fields. */
  public TaskSettings {
    if (storeMaxSize <= 0 || agentThreads <= 0 || agentQueueCapacity <= 0 || pushMaxAttempts <= 0) {
      throw new IllegalArgumentException(
          "storeMaxSize, agentThreads, agentQueueCapacity and pushMaxAttempts must be positive");
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
    pushAllowedHosts = List.copyOf(pushAllowedHosts);
    requireNonNull(pushTimeout, "pushTimeout");
    requireNonNull(pushInitialBackoff, "pushInitialBackoff");
  }
}
