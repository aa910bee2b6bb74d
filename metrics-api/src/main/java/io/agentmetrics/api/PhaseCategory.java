package io.agentmetrics.api;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The categories a {@link TimingBreakdown} splits an execution's wall time into.
 *
 * <p>A phase counts in a category when its name is the category's {@link #id()} or when it was
 * timed with {@link TimingCollector#measure(String, MetricType)} for the category's {@link
 * #metricType()}. Wall time that no categorized phase covers is overhead.
 *
 * @since 0.1.0
 */
public enum PhaseCategory {
  /** Setup and configuration. */
  INITIALIZATION("initialization", MetricType.INITIALIZATION),
  /** Tool invocations. */
  TOOL_EXECUTION("tool_execution", MetricType.TOOL_EXECUTION),
  /** LLM API calls. */
  LLM_PROCESSING("llm_processing", MetricType.LLM_PROCESSING),
  /** Real-time notifications to clients. */
  WEBSOCKET_NOTIFICATION("websocket_notification", MetricType.WEBSOCKET_LATENCY),
  /** Database operations. */
  DATABASE_QUERY("database_query", MetricType.DATABASE_QUERY),
  /** Calls to external APIs. */
  EXTERNAL_API("external_api", MetricType.EXTERNAL_API),
  /** Waiting in a queue before work starts. */
  QUEUE_WAIT("queue_wait", MetricType.QUEUE_WAIT);

  private static final PhaseCategory[] VALUES = values();

  private final String id;
  private final MetricType metricType;

  PhaseCategory(String id, MetricType metricType) {
    this.id = id;
    this.metricType = metricType;
  }

  /** The well-known phase name of this category, for example {@code "tool_execution"}. */
  public String id() {
    return id;
  }

  /** The metric type that this category's time is reported as. */
  public MetricType metricType() {
    return metricType;
  }

  /** The category whose {@link #id()} is {@code phaseName}, if any. */
  public static Optional<PhaseCategory> fromPhaseName(String phaseName) {
    for (PhaseCategory category : VALUES) {
      if (category.id.equals(phaseName)) {
        return Optional.of(category);
      }
    }
    return Optional.empty();
  }

  /** The category that {@code type} is reported in, if {@code type} is a categorized duration. */
  public static Optional<PhaseCategory> of(MetricType type) {
    return Optional.ofNullable(lookup(type));
  }

  private static @Nullable PhaseCategory lookup(MetricType type) {
    for (PhaseCategory category : VALUES) {
      if (category.metricType == type) {
        return category;
      }
    }
    return null;
  }
}
