package io.agentmetrics.a2a.trace;

import static net.logstash.logback.argument.StructuredArguments.entries;
import static net.logstash.logback.argument.StructuredArguments.keyValue;

import io.agentmetrics.a2a.internal.LogSafe;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the seed's two trace events to the {@code A2A_TRACE_LATENCY} logger, one JSON object per
 * line (see {@link TraceLogAppender}): {@code tasks_send_latency} per request and {@code
 * agent_processing_detail} per agent run. Only sampled requests are written, and the events carry
 * ids and timings only, never message text; the ids a client chose are escaped and cut ({@link
 * LogSafe}).
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
    event.put("request_id", LogSafe.of(latency.requestId()));
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
    trace.info(
        "agent_processing_detail",
        keyValue("event", "agent_processing_detail"),
        keyValue("task_id", latency.taskId()),
        keyValue("context_id", LogSafe.of(latency.contextId())),
        keyValue("timings_ms", timings));
  }

  /** Microsecond resolution: three decimals, so sub-millisecond stages do not print as 0.0. */
  static double round(double ms) {
    return Math.round(ms * 1000.0) / 1000.0;
  }
}
