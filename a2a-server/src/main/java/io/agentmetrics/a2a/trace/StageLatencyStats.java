package io.agentmetrics.a2a.trace;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Per-stage latency statistics since start-up (count, mean, p50, p95, p99, max), recorded with
 * HdrHistogram at microsecond resolution: the {@code stages} section of {@code GET
 * /metrics/summary}. The metrics aggregator keeps the sliding windows, by metric type; these
 * histograms keep the seed's stage names, which are not metric types.
 *
 * <p>Thread-safe; recording is lock-free.
 *
 * @since 0.1.0
 */
public final class StageLatencyStats implements RequestObserver {

  private static final long HIGHEST_MICROS = 3_600_000_000L;

  private final Map<Stage, Histogram> histograms = new EnumMap<>(Stage.class);

  /**
   * Creates empty statistics.
   *
   * @since 0.1.0
   */
  public StageLatencyStats() {
    for (Stage stage : Stage.values()) {
      histograms.put(stage, new ConcurrentHistogram(HIGHEST_MICROS, 3));
    }
  }

  @Override
  public void onRequest(RequestLatency latency) {
    record(Stage.JSON_PARSING, latency.jsonParsingMs());
    record(Stage.MESSAGE_NORMALIZATION, latency.messageNormalizationMs());
    record(Stage.AGENT_PROCESSING, latency.agentProcessingMs());
    record(Stage.RESPONSE_SERIALIZATION, latency.responseSerializationMs());
    record(Stage.TOTAL, latency.totalMs());
  }

  @Override
  public void onAgentRun(AgentRunLatency latency) {
    record(Stage.QUEUE_WAIT, latency.queueWaitMs());
    record(Stage.TEXT_EXTRACTION, latency.stages().textExtractionMs());
    record(Stage.CONTEXT_LOOKUP, latency.stages().contextLookupMs());
    record(Stage.LLM_INVOCATION, latency.stages().llmInvocationMs());
    record(Stage.RESPONSE_BUILDING, latency.stages().responseBuildingMs());
  }

  /**
   * A snapshot keyed by the seed's stage names, in pipeline order; stages never recorded are left
   * out.
   *
   * @return stage name to its statistics
   * @since 0.1.0
   */
  public Map<String, LatencySummary> snapshot() {
    Map<String, LatencySummary> out = new LinkedHashMap<>();
    for (Map.Entry<Stage, Histogram> e : histograms.entrySet()) {
      Histogram h = e.getValue().copy();
      if (h.getTotalCount() > 0) {
        out.put(
            e.getKey().id,
            new LatencySummary(
                h.getTotalCount(),
                TraceLatencyLog.round(h.getMean() / 1000.0),
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getMaxValue())));
      }
    }
    return out;
  }

  private void record(Stage stage, double ms) {
    long micros = Math.min(HIGHEST_MICROS, Math.max(0, Math.round(ms * 1000)));
    histograms.get(stage).recordValue(micros);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }

  private enum Stage {
    JSON_PARSING("json_parsing"),
    MESSAGE_NORMALIZATION("message_normalization"),
    AGENT_PROCESSING("agent_processing"),
    RESPONSE_SERIALIZATION("response_serialization"),
    TOTAL("total"),
    QUEUE_WAIT("queue_wait"),
    TEXT_EXTRACTION("text_extraction"),
    CONTEXT_LOOKUP("context_lookup"),
    LLM_INVOCATION("llm_invocation"),
    RESPONSE_BUILDING("response_building");

    private final String id;

    Stage(String id) {
      this.id = id;
    }
  }
}
