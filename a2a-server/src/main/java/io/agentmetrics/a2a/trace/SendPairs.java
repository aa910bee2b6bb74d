package io.agentmetrics.a2a.trace;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Pairs each send's request timings with its own task run's, by task id, whichever comes first: a
 * blocking send's run ends before its response is written, a non-blocking send's long after.
 *
 * <p>At most {@link #MAX_WAITING} halves wait for their other half; beyond that the oldest is
 * dropped, so sends whose turn failed (which report no run) cannot grow it without bound. A second
 * half of the same kind for a task (the next turn after a failed one) replaces the first.
 *
 * <p>Thread-safe: pairing is atomic per task id.
 */
final class SendPairs {

  /** The most halves that wait for their other half. */
  static final int MAX_WAITING = 10_000;

  // Maintenance on the writing thread: the default, the common pool, wakes a thread per write.
  private final Cache<String, Object> waiting =
      Caffeine.newBuilder().maximumSize(MAX_WAITING).executor(Runnable::run).build();

  /** A request paired with the run of its task. */
  record Pair(RequestLatency request, AgentRunLatency run) {}

  /** Pairs a send's request with its waiting run, or leaves it to wait for one. */
  Optional<Pair> request(RequestLatency request) {
    String taskId = request.taskId();
    if (taskId == null) {
      return Optional.empty();
    }
    Object other = swap(taskId, request, AgentRunLatency.class);
    return other == null
        ? Optional.empty()
        : Optional.of(new Pair(request, (AgentRunLatency) other));
  }

  /** Pairs a run with its waiting send's request, or leaves it to wait for one. */
  Optional<Pair> run(AgentRunLatency run) {
    Object other = swap(run.taskId(), run, RequestLatency.class);
    return other == null ? Optional.empty() : Optional.of(new Pair((RequestLatency) other, run));
  }

  /** Halves waiting now. */
  long waiting() {
    waiting.cleanUp();
    return waiting.estimatedSize();
  }

  /** Takes the waiting half of kind {@code other}, or leaves {@code half} waiting in its place. */
  private @Nullable Object swap(String taskId, Object half, Class<?> other) {
    @Nullable Object[] taken = new Object[1];
    waiting
        .asMap()
        .compute(
            taskId,
            (id, current) -> {
              if (other.isInstance(current)) {
                taken[0] = current;
                return null;
              }
              return half;
            });
    return taken[0];
  }
}
