package io.agentmetrics.a2a.trace;

import static net.logstash.logback.argument.StructuredArguments.entries;

import io.agentmetrics.a2a.agent.InvocationUsage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the seed's two trace events to the {@code A2A_TRACE_LATENCY} logger, one JSON object per
 * line (see {@link TraceLogAppender}): {@code tasks_send_latency} per request and {@code
 * agent_processing_detail} per agent run, the latter with the LLM's {@code usage} ({@code model},
 * {@code input_tokens}, {@code output_tokens} and, when the model has a price, {@code cost_usd})
 * when the provider reported it. Only sampled requests are written, and the events carry ids,
 * timings and counts only, never message text.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class TraceLatencyLog implements RequestObserver {

  /** The logger name, as in the seed's environment variable. */
  public static final String LOGGER_NAME = "A2A_TRACE_LATENCY";

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
    timings.put("json_parsing", round(latency.jsonParsingMs()));
    timings.put("message_normalization", round(latency.messageNormalizationMs()));
    timings.put("agent_processing", round(latency.agentProcessingMs()));
    timings.put("response_serialization", round(latency.responseSerializationMs()));
    timings.put("total", round(latency.totalMs()));
    Map<String, Object> event = new LinkedHashMap<>(8);
    event.put("event", "tasks_send_latency");
    event.put("request_id", latency.requestId());
    event.put("method", latency.method());
    String taskId = latency.taskId();
    if (taskId != null) {
      event.put("task_id", taskId);
    }
    event.put("timings_ms", timings);
    trace.info("tasks_send_latency", entries(event));
  }

  @Override
  public void onAgentRun(AgentRunLatency latency) {
    if (!latency.sampled() || !trace.isInfoEnabled()) {
      return;
    }
    Map<String, Double> timings = new LinkedHashMap<>(8);
    timings.put("text_extraction", round(latency.stages().textExtractionMs()));
    timings.put("context_lookup", round(latency.stages().contextLookupMs()));
    timings.put("llm_invocation", round(latency.stages().llmInvocationMs()));
    timings.put("response_building", round(latency.stages().responseBuildingMs()));
    Map<String, Object> event = new LinkedHashMap<>(8);
    event.put("event", "agent_processing_detail");
    event.put("task_id", latency.taskId());
    event.put("context_id", latency.contextId());
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
}
