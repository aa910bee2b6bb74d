package io.agentmetrics.a2a.profile;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.stage.SendMethods;
import io.agentmetrics.a2a.stage.Stage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One trace event read from an {@code A2A_TRACE_LATENCY} log. */
sealed interface TraceEvent {

  /** The seed's event of a send. */
  String SEND_EVENT = "tasks_send_latency";

  /** The event of every other JSON-RPC request, such as {@code tasks/get}. */
  String OTHER_REQUEST_EVENT = "jsonrpc_request_latency";

  String AGENT_EVENT = "agent_processing_detail";

  /** The line the event started on (1-based). */
  long line();

  /** Stage name to milliseconds, in the order the log gave them. */
  Map<String, Double> timings();

  /** A stage's milliseconds, 0 when the event does not have it. */
  default double stage(String name) {
    return timings().getOrDefault(name, 0.0);
  }

  /**
   * Whether a {@value #SEND_EVENT} event with this method is a send; no method (as in foreign logs)
   * is.
   */
  static boolean isSend(String method) {
    return method.isEmpty() || SendMethods.LOGGED.contains(method);
  }

  /**
   * A {@code tasks_send_latency} event of a send. {@code taskId} is only set when the server adds
   * it, which makes matching with agent details exact.
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

    /**
     * The sum of the seed's four agent stages: a lower bound for a blocking send's
     * agent_processing.
     */
    double stagesSum() {
      return Stage.AGENT_STAGES.stream().mapToDouble(s -> stage(s.id())).sum();
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
