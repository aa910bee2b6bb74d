package io.agentmetrics.a2a.profile;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One trace event read from an {@code A2A_TRACE_LATENCY} log. */
sealed interface TraceEvent {

  String REQUEST_EVENT = "tasks_send_latency";
  String AGENT_EVENT = "agent_processing_detail";

  /** The line the event started on (1-based). */
  long line();

  /** Stage name to milliseconds, in the order the log gave them. */
  Map<String, Double> timings();

  /**
   * A {@code tasks_send_latency} event. {@code taskId} is only set when the server adds it, which
   * makes matching with agent details exact.
   */
  record Request(
      long line,
      String requestId,
      String method,
      @Nullable String taskId,
      Map<String, Double> timings)
      implements TraceEvent {
    public Request {
      requireNonNull(requestId, "requestId");
      requireNonNull(method, "method");
      timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }

    double stage(String name) {
      return timings.getOrDefault(name, 0.0);
    }
  }

  /**
   * An {@code agent_processing_detail} event. {@code requestId} is only set when the server adds
   * it; {@code usage} when the LLM reported its tokens.
   */
  record Agent(
      long line,
      String taskId,
      String contextId,
      @Nullable String requestId,
      Map<String, Double> timings,
      @Nullable Usage usage)
      implements TraceEvent {
    public Agent {
      requireNonNull(taskId, "taskId");
      requireNonNull(contextId, "contextId");
      timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }

    Agent(
        long line,
        String taskId,
        String contextId,
        @Nullable String requestId,
        Map<String, Double> timings) {
      this(line, taskId, contextId, requestId, timings, null);
    }

    /** The sum of the agent's stages: a lower bound for the request's agent_processing. */
    double stagesSum() {
      return timings.values().stream().mapToDouble(Double::doubleValue).sum();
    }
  }

  /**
   * The {@code usage} of an agent event: the model that answered, its tokens, and the cost when the
   * model had a price.
   */
  record Usage(String model, long inputTokens, long outputTokens, @Nullable Double costUsd) {
    public Usage {
      requireNonNull(model, "model");
    }
  }
}
