package io.agentmetrics.a2a.profile;

import io.agentmetrics.a2a.stage.Stage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Pairs each {@code tasks_send_latency} event with the {@code agent_processing_detail} event of the
 * same request.
 *
 * <p>The seed's events share no id, so pairing works in two steps:
 *
 * <ol>
 *   <li>By id, when the server adds one: an agent event's {@code request_id} equal to the request
 *       event's, or a request event's {@code task_id} equal to the agent event's.
 *   <li>By order: each server thread writes its request's two events one after the other, so the
 *       oldest unpaired event of the other kind is the partner (in either order). A candidate is
 *       skipped when it is implausible: its agent stages add up to more than the request's {@code
 *       agent_processing} (plus 5% and 0.5 ms for rounding), or it carries an id that names a
 *       different request.
 * </ol>
 *
 * Under concurrency, order-pairing can swap the partners of two overlapping requests; per-stage
 * statistics do not depend on pairing, only the per-request splits and the non-LLM overhead do.
 * Events still unpaired at the end are reported as such; at most {@link #MAX_PENDING} are held.
 *
 * <p>Not thread-safe.
 */
final class TraceCorrelator implements Consumer<TraceEvent> {

  static final int MAX_PENDING = 10_000;

  private final Deque<TraceEvent.Request> pendingRequests = new ArrayDeque<>();
  private final Deque<TraceEvent.Agent> pendingAgents = new ArrayDeque<>();
  private final Consumer<Pair> sink;
  private long pairedById;
  private long pairedByOrder;
  private long unpairedAgents;

  /** A request with its agent detail, when one was found. */
  record Pair(TraceEvent.Request request, TraceEvent.@Nullable Agent agent) {}

  TraceCorrelator(Consumer<Pair> sink) {
    this.sink = sink;
  }

  @Override
  public void accept(TraceEvent event) {
    if (event instanceof TraceEvent.Request request) {
      TraceEvent.Agent agent =
          take(pendingAgents, a -> sameRequest(request, a), a -> plausible(request, a));
      if (agent == null) {
        hold(pendingRequests, request);
      } else {
        sink.accept(new Pair(request, agent));
      }
    } else if (event instanceof TraceEvent.Agent agent) {
      TraceEvent.Request request =
          take(pendingRequests, r -> sameRequest(r, agent), r -> plausible(r, agent));
      if (request == null) {
        if (pendingAgents.size() == MAX_PENDING) {
          pendingAgents.removeFirst();
          unpairedAgents++;
        }
        pendingAgents.addLast(agent);
      } else {
        sink.accept(new Pair(request, agent));
      }
    }
  }

  /** Flushes requests that never found a partner; call once after the last event. */
  void finish() {
    while (!pendingRequests.isEmpty()) {
      sink.accept(new Pair(pendingRequests.removeFirst(), null));
    }
    unpairedAgents += pendingAgents.size();
    pendingAgents.clear();
  }

  long pairedById() {
    return pairedById;
  }

  long pairedByOrder() {
    return pairedByOrder;
  }

  long unpairedAgents() {
    return unpairedAgents;
  }

  private void hold(Deque<TraceEvent.Request> pending, TraceEvent.Request request) {
    if (pending.size() == MAX_PENDING) {
      sink.accept(new Pair(pending.removeFirst(), null));
    }
    pending.addLast(request);
  }

  private <T> @Nullable T take(Deque<T> pending, Predicate<T> byId, Predicate<T> byOrder) {
    for (Iterator<T> it = pending.iterator(); it.hasNext(); ) {
      T candidate = it.next();
      if (byId.test(candidate)) {
        it.remove();
        pairedById++;
        return candidate;
      }
    }
    for (Iterator<T> it = pending.iterator(); it.hasNext(); ) {
      T candidate = it.next();
      if (byOrder.test(candidate)) {
        it.remove();
        pairedByOrder++;
        return candidate;
      }
    }
    return null;
  }

  static boolean sameRequest(TraceEvent.Request request, TraceEvent.Agent agent) {
    return (agent.requestId() != null && agent.requestId().equals(request.requestId()))
        || (request.taskId() != null && request.taskId().equals(agent.taskId()));
  }

  static boolean plausible(TraceEvent.Request request, TraceEvent.Agent agent) {
    if (agent.requestId() != null && !agent.requestId().equals(request.requestId())) {
      return false;
    }
    if (request.taskId() != null && !Objects.equals(request.taskId(), agent.taskId())) {
      return false;
    }
    Double agentProcessing = request.timings().get(Stage.AGENT_PROCESSING.id());
    return agentProcessing == null || agent.stagesSum() <= agentProcessing * 1.05 + 0.5;
  }

  static List<Pair> correlate(List<TraceEvent> events) {
    List<Pair> pairs = new ArrayList<>();
    TraceCorrelator correlator = new TraceCorrelator(pairs::add);
    events.forEach(correlator);
    correlator.finish();
    return pairs;
  }
}
