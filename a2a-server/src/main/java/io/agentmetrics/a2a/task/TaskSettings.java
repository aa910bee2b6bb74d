package io.agentmetrics.a2a.task;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * The bounds of the task service.
 *
 * @param storeMaxSize how many tasks are kept
 * @param ttl how long an untouched task is kept
 * @param agentThreads how many turns run at once
 * @param agentQueueCapacity how many turns may wait for a thread
 * @param pushAllowedHosts push hosts allowed, empty for any
 * @param pushTimeout timeout of one push attempt
 * @param pushMaxAttempts attempts per push notification
 * @param pushInitialBackoff the wait before the first retry, doubled for each later one
 * @param agentQueueTimeout how long a turn may wait for the agent
 * @param callerTurns how many of the {@code agentThreads} turns may run on the threads of the
 *     callers that wait for them
 * @param maxStreams how many event streams may be open at once
 * @param maxStreamsPerTask how many event streams one task may have open at once
 * @since 0.1.0
 */
public record TaskSettings(
    long storeMaxSize,
    Duration ttl,
    int agentThreads,
    int agentQueueCapacity,
    List<String> pushAllowedHosts,
    Duration pushTimeout,
    int pushMaxAttempts,
    Duration pushInitialBackoff,
    Duration agentQueueTimeout,
    int callerTurns,
    int maxStreams,
    int maxStreamsPerTask) {

  /** Checks the fields. */
  public TaskSettings {
    if (storeMaxSize <= 0 || agentThreads <= 0 || agentQueueCapacity <= 0 || pushMaxAttempts <= 0) {
      throw new IllegalArgumentException(
          "storeMaxSize, agentThreads, agentQueueCapacity and pushMaxAttempts must be positive");
    }
    requireNonNull(ttl, "ttl");
    pushAllowedHosts = List.copyOf(pushAllowedHosts);
    requireNonNull(pushTimeout, "pushTimeout");
    requireNonNull(pushInitialBackoff, "pushInitialBackoff");
    requireNonNull(agentQueueTimeout, "agentQueueTimeout");
    if (callerTurns < 0 || maxStreams <= 0 || maxStreamsPerTask <= 0) {
      throw new IllegalArgumentException(
          "callerTurns must not be negative, and maxStreams and maxStreamsPerTask must be positive");
    }
  }
}
