package io.agentmetrics.a2a.trace;

import static net.logstash.logback.argument.StructuredArguments.entries;

import io.agentmetrics.a2a.agent.InvocationUsage;
import io.agentmetrics.a2a.internal.LogSafe;
import io.agentmetrics.a2a.stage.SendMethods;
import io.agentmetrics.a2a.stage.Stage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the trace events to the {@code A2A_TRACE_LATENCY} logger, one JSON object per line (see
 * {@link TraceLogAppender}): the seed's {@code tasks_send_latency} per send ({@code message/send}
 * or {@code message/stream} on either path, or A2A 1.0's {@code SendMessage} or {@code
 * SendStreamingMessage} in either binding), {@code jsonrpc_request_latency} per other request (such
 * as {@code tasks/get}, {@code GetTask}, or a body that could not be read), so that the seed's
 * recipes over {@code tasks_send_latency} see sends only, and the seed's {@code
 * agent_processing_detail} per agent run, with the run's {@code queue_wait} and its {@code
 * task_total} (from submission to the final state, which a non-blocking send reaches after its
 * response) beside the seed's four stages, and the LLM's {@code usage} ({@code model}, {@code
 * input_tokens}, {@code output_tokens} and, when the model has a price, {@code cost_usd}) when the
 * provider reported it. Only sampled requests are written, and the events carry ids, timings and
 * counts only, never message text; the ids a client chose are escaped and cut ({@link LogSafe}).
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class TraceLatencyLog implements RequestObserver {

  /** The logger name, as in the seed's environment variable. */
  public static final String LOGGER_NAME = "A2A_TRACE_LATENCY";

  /** The event of a send, as the seed names it. */
  static final String SEND_EVENT = "tasks_send_latency";

  /** The event of every other JSON-RPC request. */
  static final String REQUEST_EVENT = "jsonrpc_request_latency";

  private static final Logger trace = LoggerFactory.getLogger(LOGGER_NAME);

  /**
   * Creates the log writer.
   *
   * @since 0.1.0
   */
  public TraceLatencyLog() {}

  @Override
  public void onRequest(RequestLatency latency) {
    if (!latency.sampled() || !trace.isInfoEnabled()) {
      return;
    }
    Map<String, Double> timings = new LinkedHashMap<>(8);
    timings.put(Stage.JSON_PARSING.id(), part(latency.jsonParsingMs()));
    timings.put(Stage.MESSAGE_NORMALIZATION.id(), part(latency.messageNormalizationMs()));
    timings.put(Stage.AGENT_PROCESSING.id(), part(latency.agentProcessingMs()));
    timings.put(Stage.RESPONSE_SERIALIZATION.id(), part(latency.responseSerializationMs()));
    timings.put(Stage.TOTAL.id(), whole(latency.totalMs()));
    String name = SendMethods.SERVED.contains(latency.method()) ? SEND_EVENT : REQUEST_EVENT;
    Map<String, Object> event = new LinkedHashMap<>(8);
    event.put("event", name);
    event.put("request_id", LogSafe.of(latency.requestId()));
    event.put("method", latency.method());
    String taskId = latency.taskId();
    if (taskId != null) {
      event.put("task_id", taskId);
    }
    event.put("timings_ms", timings);
    trace.info(name, entries(event));
  }

  @Override
  public void onAgentRun(AgentRunLatency latency) {
    if (!latency.sampled() || !trace.isInfoEnabled()) {
      return;
    }
    Map<String, Double> timings = new LinkedHashMap<>(8);
    timings.put(Stage.TEXT_EXTRACTION.id(), part(latency.stages().textExtractionMs()));
    timings.put(Stage.CONTEXT_LOOKUP.id(), part(latency.stages().contextLookupMs()));
    timings.put(Stage.LLM_INVOCATION.id(), part(latency.stages().llmInvocationMs()));
    timings.put(Stage.RESPONSE_BUILDING.id(), part(latency.stages().responseBuildingMs()));
    timings.put(Stage.QUEUE_WAIT.id(), part(latency.queueWaitMs()));
    timings.put(Stage.TASK_TOTAL.id(), whole(latency.taskTotalMs()));
    Map<String, Object> event = new LinkedHashMap<>(8);
    event.put("event", "agent_processing_detail");
    event.put("task_id", latency.taskId());
    event.put("context_id", LogSafe.of(latency.contextId()));
    event.put("timings_ms", timings);
    InvocationUsage usage = latency.stages().llmUsage();
    if (usage != null) {
      event.put("usage", usage(usage));
    }
    trace.info("agent_processing_detail", entries(event));
  }

  private static Map<String, Object> usage(InvocationUsage usage) {
    Map<String, Object> fields = new LinkedHashMap<>(4);
    fields.put("model", usage.model());
    fields.put("input_tokens", usage.inputTokens());
    fields.put("output_tokens", usage.outputTokens());
    Double cost = usage.costUsd();
    if (cost != null) {
      fields.put("cost_usd", cost);
    }
    return fields;
  }

  /** Microsecond resolution: three decimals, so sub-millisecond stages do not print as 0.0. */
  static double round(double ms) {
    return Math.round(ms * 1000.0) / 1000.0;
  }

  /**
   * A stage to the microsecond below. With {@link #whole} for totals, the logged stages of an event
   * never add up to more than its logged total, which rounding each to the nearest could do.
   */
  static double part(double ms) {
    return Math.floor(ms * 1000.0) / 1000.0;
  }

  /** A total to the microsecond above; see {@link #part}. */
  static double whole(double ms) {
    return Math.ceil(ms * 1000.0) / 1000.0;
  }
}
