package io.agentmetrics.api;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where the wall time of one execution went, split into the {@link PhaseCategory categories}.
 *
 * <p>{@link #totalMs()} is wall-clock time from the collector's creation to the moment the
 * breakdown was taken. Each category's time is the wall time during which at least one phase of
 * that category was running, so parallel tasks that overlap are not summed. {@link #overheadMs()}
 * is the wall time no categorized phase covered. Categories may overlap each other (a database
 * query inside a tool call counts in both), so their sum can exceed the total; the overhead never
 * does.
 *
 * @param totalMs wall-clock time of the execution
 * @param initializationMs time in {@link PhaseCategory#INITIALIZATION}
 * @param toolExecutionMs time in {@link PhaseCategory#TOOL_EXECUTION}
 * @param llmProcessingMs time in {@link PhaseCategory#LLM_PROCESSING}
 * @param websocketNotificationMs time in {@link PhaseCategory#WEBSOCKET_NOTIFICATION}
 * @param databaseQueryMs time in {@link PhaseCategory#DATABASE_QUERY}
 * @param externalApiMs time in {@link PhaseCategory#EXTERNAL_API}
 * @param queueWaitMs time in {@link PhaseCategory#QUEUE_WAIT}
 * @param overheadMs wall time no categorized phase covered; at most {@code totalMs}
 * @param ttftMs time to first token, if a first token was recorded
 * @param phasesMs the duration of every phase by name (repeated names are summed), in start order
 * @param executionId the execution the breakdown is of, as its collector sets it; null for a
 *     breakdown built by hand. An aggregator uses it to count an execution once when it is given
 *     both the execution's metrics and its breakdown.
 * @since 0.1.0
 */
public record TimingBreakdown(
    double totalMs,
    double initializationMs,
    double toolExecutionMs,
    double llmProcessingMs,
    double websocketNotificationMs,
    double databaseQueryMs,
    double externalApiMs,
    double queueWaitMs,
    double overheadMs,
    OptionalDouble ttftMs,
    Map<String, Double> phasesMs,
    @Nullable UUID executionId) {

  /** Validates every field and copies the phase map. */
  public TimingBreakdown {
    Preconditions.nonNegative(totalMs, "totalMs");
    Preconditions.nonNegative(initializationMs, "initializationMs");
    Preconditions.nonNegative(toolExecutionMs, "toolExecutionMs");
    Preconditions.nonNegative(llmProcessingMs, "llmProcessingMs");
    Preconditions.nonNegative(websocketNotificationMs, "websocketNotificationMs");
    Preconditions.nonNegative(databaseQueryMs, "databaseQueryMs");
    Preconditions.nonNegative(externalApiMs, "externalApiMs");
    Preconditions.nonNegative(queueWaitMs, "queueWaitMs");
    Preconditions.nonNegative(overheadMs, "overheadMs");
    if (overheadMs > totalMs) {
      throw new IllegalArgumentException(
          "overheadMs must not exceed totalMs, got " + overheadMs + " > " + totalMs);
    }
    requireNonNull(ttftMs, "ttftMs");
    if (ttftMs.isPresent()) {
      Preconditions.nonNegative(ttftMs.getAsDouble(), "ttftMs");
    }
    phasesMs = Maps.orderedCopy(phasesMs, "phasesMs");
    Maps.nonNegativeValues(phasesMs, "phasesMs");
  }

  /** A breakdown of no known execution; see the canonical constructor for the parameters. */
  public TimingBreakdown(
      double totalMs,
      double initializationMs,
      double toolExecutionMs,
      double llmProcessingMs,
      double websocketNotificationMs,
      double databaseQueryMs,
      double externalApiMs,
      double queueWaitMs,
      double overheadMs,
      OptionalDouble ttftMs,
      Map<String, Double> phasesMs) {
    this(
        totalMs,
        initializationMs,
        toolExecutionMs,
        llmProcessingMs,
        websocketNotificationMs,
        databaseQueryMs,
        externalApiMs,
        queueWaitMs,
        overheadMs,
        ttftMs,
        phasesMs,
        null);
  }

  /** A breakdown of an execution that took no time and ran no phase. */
  public static TimingBreakdown empty() {
    return builder().build();
  }

  /** A builder that starts with every duration at zero and no TTFT. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The percentage (0–100) of the total spent in categorized work, that is {@code 100 * (total -
   * overhead) / total}. An execution that took no time is 100% efficient.
   */
  public double calculateEfficiency() {
    if (totalMs == 0) {
      return 100.0;
    }
    return 100.0 * (totalMs - overheadMs) / totalMs;
  }

  /** The time spent in {@code category}. */
  public double categoryMs(PhaseCategory category) {
    return switch (category) {
      case INITIALIZATION -> initializationMs;
      case TOOL_EXECUTION -> toolExecutionMs;
      case LLM_PROCESSING -> llmProcessingMs;
      case WEBSOCKET_NOTIFICATION -> websocketNotificationMs;
      case DATABASE_QUERY -> databaseQueryMs;
      case EXTERNAL_API -> externalApiMs;
      case QUEUE_WAIT -> queueWaitMs;
    };
  }

  /** The time spent in every category, including the ones that took none. */
  public Map<PhaseCategory, Double> categoriesMs() {
    Map<PhaseCategory, Double> categories = new EnumMap<>(PhaseCategory.class);
    for (PhaseCategory category : PhaseCategory.values()) {
      categories.put(category, categoryMs(category));
    }
    return categories;
  }

  /**
   * Builds a {@link TimingBreakdown}; collectors use it, and so can tests. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    // One field per category rather than an array: every breakdown a collector takes is built
    // here, and the fields save it an allocation.
    private double initializationMs;
    private double toolExecutionMs;
    private double llmProcessingMs;
    private double websocketNotificationMs;
    private double databaseQueryMs;
    private double externalApiMs;
    private double queueWaitMs;
    private final PhaseSums phasesMs = new PhaseSums();
    private double totalMs;
    private double overheadMs;
    private OptionalDouble ttftMs = OptionalDouble.empty();
    private @Nullable UUID executionId;

    private Builder() {}

    /** Sets the execution the breakdown is of. */
    public Builder executionId(UUID executionId) {
      this.executionId = requireNonNull(executionId, "executionId");
      return this;
    }

    /** Sets the wall-clock total. */
    public Builder totalMs(double totalMs) {
      this.totalMs = totalMs;
      return this;
    }

    /** Sets the time spent in {@code category}. */
    public Builder categoryMs(PhaseCategory category, double ms) {
      switch (requireNonNull(category, "category")) {
        case INITIALIZATION -> initializationMs = ms;
        case TOOL_EXECUTION -> toolExecutionMs = ms;
        case LLM_PROCESSING -> llmProcessingMs = ms;
        case WEBSOCKET_NOTIFICATION -> websocketNotificationMs = ms;
        case DATABASE_QUERY -> databaseQueryMs = ms;
        case EXTERNAL_API -> externalApiMs = ms;
        case QUEUE_WAIT -> queueWaitMs = ms;
      }
      return this;
    }

    /** Sets the uncategorized wall time. */
    public Builder overheadMs(double overheadMs) {
      this.overheadMs = overheadMs;
      return this;
    }

    /** Sets the time to first token. */
    public Builder ttftMs(double ttftMs) {
      this.ttftMs = OptionalDouble.of(ttftMs);
      return this;
    }

    /** Adds {@code ms} to the phase {@code name}. */
    public Builder addPhaseMs(String name, double ms) {
      phasesMs.add(requireNonNull(name, "name"), ms);
      return this;
    }

    /**
     * Builds the breakdown.
     *
     * @throws IllegalArgumentException if a duration is negative or not finite, or the overhead
     *     exceeds the total
     */
    public TimingBreakdown build() {
      return new TimingBreakdown(
          totalMs,
          initializationMs,
          toolExecutionMs,
          llmProcessingMs,
          websocketNotificationMs,
          databaseQueryMs,
          externalApiMs,
          queueWaitMs,
          overheadMs,
          ttftMs,
          phasesMs.toMap(),
          executionId);
    }
  }
}
