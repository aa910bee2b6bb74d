package io.agentmetrics.a2a;

import io.agentmetrics.a2a.trace.StageMetrics;
import io.agentmetrics.aggregator.AggregatedSeries;
import io.agentmetrics.aggregator.MetricsAggregator;
import io.agentmetrics.aggregator.NamedMetric;
import io.agentmetrics.aggregator.Slo;
import io.agentmetrics.aggregator.SloStatus;
import io.agentmetrics.api.AggregationWindow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code usage} section of {@code /metrics/summary}: the tokens and cost per task (one agent
 * execution per task turn) that the server's aggregator kept, over the last minute, five minutes
 * and hour, and the cost objective {@link #COST_PER_TASK}.
 *
 * <pre>{@code
 * "usage": {
 *   "windows": {"hour": {"cost_usd": {"unit": "USD", "count": 12, "mean": 0.00021, "p50": ...,
 *                                     "p95": ..., "p99": ..., "max": ...}, "input_tokens": ...}},
 *   "cost_slo": {"metric": "cost_usd", "percentile": 95, "threshold": 0.01, "window": "hour",
 *                "observed": 0.00034, "samples": 12, "met": true},
 *   "unpriced_executions": 0
 * }
 * }</pre>
 *
 * {@code cost_slo} is absent while the hour holds no priced task.
 */
final class UsageSummary {

  /** The server's cost objective: the p95 cost per task over the last hour is at most $0.01. */
  static final Slo COST_PER_TASK =
      Slo.atMost(NamedMetric.COST_USD, 95, 0.01, AggregationWindow.HOUR);

  private static final List<NamedMetric> PER_TASK =
      List.of(NamedMetric.INPUT_TOKENS, NamedMetric.OUTPUT_TOKENS, NamedMetric.COST_USD);

  private UsageSummary() {}

  static Map<String, Object> of(MetricsAggregator aggregator) {
    Map<String, Object> usage = new LinkedHashMap<>();
    Map<String, Object> windows = new LinkedHashMap<>();
    for (AggregationWindow window : StageMetrics.WINDOWS) {
      Map<String, Object> metrics = new LinkedHashMap<>();
      for (NamedMetric metric : PER_TASK) {
        aggregator
            .getAggregatedMetrics(metric.name(), window)
            .ifPresent(stats -> metrics.put(metric.name(), stats(stats)));
      }
      windows.put(StageMetrics.id(window), metrics);
    }
    usage.put("windows", windows);
    aggregator.checkSlo(COST_PER_TASK).ifPresent(status -> usage.put("cost_slo", slo(status)));
    usage.put("unpriced_executions", aggregator.unpricedExecutions());
    return usage;
  }

  private static Map<String, Object> stats(AggregatedSeries stats) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("unit", stats.unit());
    fields.put("count", stats.count());
    fields.put("mean", stats.mean());
    fields.put("p50", stats.p50());
    fields.put("p95", stats.p95());
    fields.put("p99", stats.p99());
    fields.put("max", stats.max());
    return fields;
  }

  private static Map<String, Object> slo(SloStatus status) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("metric", status.slo().metric());
    fields.put("percentile", status.slo().percentile());
    fields.put("threshold", status.slo().threshold());
    fields.put("window", StageMetrics.id(status.slo().window()));
    fields.put("observed", status.observed());
    fields.put("samples", status.sampleCount());
    fields.put("met", status.met());
    return fields;
  }
}
