package io.agentmetrics.api;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of performance metric an agent execution produces.
 *
 * <p>Each type has a stable snake_case {@link #id()} (the identifier used in logs, exports and SLO
 * maps) and a {@link #unit()}.
 *
 * @since 0.1.0
 */
public enum MetricType {
  /** Time from the start of an execution to the first streamed token. */
  TTFT("time_to_first_token", "ms"),
  /** Wall-clock time of a whole execution. */
  TOTAL_EXECUTION("total_execution", "ms"),
  /** Time a request waited in a queue before work started. */
  QUEUE_WAIT("queue_wait", "ms"),
  /** Time spent in database queries. */
  DATABASE_QUERY("database_query", "ms"),
  /** Time spent calling external APIs. */
  EXTERNAL_API("external_api", "ms"),
  /** Latency of real-time (WebSocket) notifications. */
  WEBSOCKET_LATENCY("websocket_latency", "ms"),
  /** Setup and configuration time. */
  INITIALIZATION("initialization", "ms"),
  /** Time spent running tools. */
  TOOL_EXECUTION("tool_execution", "ms"),
  /** Time spent in LLM calls. */
  LLM_PROCESSING("llm_processing", "ms"),
  /** Memory in use, in mebibytes. */
  MEMORY_USAGE("memory_usage", "MB"),
  /** Utilization of a thread pool, in percent. */
  THREAD_POOL_USAGE("thread_pool_usage", "%");

  private static final MetricType[] VALUES = values();

  private final String id;
  private final String unit;

  MetricType(String id, String unit) {
    this.id = id;
    this.unit = unit;
  }

  /** The stable snake_case identifier, for example {@code "time_to_first_token"}. */
  public String id() {
    return id;
  }

  /** The unit of this metric's values: {@code "ms"}, {@code "MB"} or {@code "%"}. */
  public String unit() {
    return unit;
  }

  /** Whether values of this type are durations in milliseconds. */
  public boolean isDuration() {
    return "ms".equals(unit);
  }

  /**
   * Returns the type with the given id ({@code "llm_processing"}) or constant name ({@code
   * "LLM_PROCESSING"}, any case).
   *
   * @throws IllegalArgumentException if {@code idOrName} names no type; the message lists the valid
   *     ids
   */
  public static MetricType fromId(@Nullable String idOrName) {
    if (idOrName != null) {
      for (MetricType type : VALUES) {
        if (type.id.equals(idOrName) || type.name().equalsIgnoreCase(idOrName)) {
          return type;
        }
      }
    }
    throw new IllegalArgumentException(
        "Unknown metric type "
            + describe(idOrName)
            + "; valid ids are "
            + Arrays.stream(VALUES).map(MetricType::id).collect(Collectors.joining(", ")));
  }

  private static String describe(@Nullable String idOrName) {
    if (idOrName == null) {
      return "null";
    }
    String shown = idOrName.length() > 64 ? idOrName.substring(0, 64) + "..." : idOrName;
    return '"' + shown.replaceAll("\\p{Cntrl}", "?") + '"';
  }
}
