package io.agentmetrics.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything measured about one finished execution, as handed to every {@link MetricsSink}.
 *
 * @param executionId the execution's id
 * @param agentName the agent that ran it
 * @param startTime when it started (wall clock)
 * @param breakdown where its time went
 * @param metrics the metrics it recorded, in order
 * @param phases its phases and parallel tasks, in start order
 * @param outcome whether it succeeded
 * @param attributes the attributes of its {@link ExecutionContext}, such as the run and
 *     conversation ids; empty when it ran without one
 * @since 0.1.0
 */
public record CompletedExecution(
    UUID executionId,
    String agentName,
    Instant startTime,
    TimingBreakdown breakdown,
    List<PerformanceMetric> metrics,
    List<PhaseRecord> phases,
    ExecutionOutcome outcome,
    Map<String, Object> attributes) {

  /** Attribute key for the {@link ExecutionContext#runId() run id}. */
  public static final String RUN_ID = "run_id";

  /** Attribute key for the {@link ExecutionContext#userId() user id}. */
  public static final String USER_ID = "user_id";

  /**
   * Attribute key naming the workflow an execution ran, for an execution that coordinates other
   * agents (a supervisor's workflow) rather than being one agent's invocation.
   */
  public static final String WORKFLOW_NAME = "workflow_name";

  /** Validates every field and copies the collections. */
  public CompletedExecution {
    requireNonNull(executionId, "executionId");
    requireNonNull(agentName, "agentName");
    requireNonNull(startTime, "startTime");
    requireNonNull(breakdown, "breakdown");
    metrics = List.copyOf(requireNonNull(metrics, "metrics"));
    phases = List.copyOf(requireNonNull(phases, "phases"));
    requireNonNull(outcome, "outcome");
    attributes = Maps.orderedCopy(attributes, "attributes");
  }

  /** The token usage and cost of this execution's LLM calls. */
  public LlmUsage llmUsage() {
    return LlmUsage.of(phases);
  }

  /** The same execution with one more attribute, replacing any of the same key. */
  public CompletedExecution withAttribute(String key, Object value) {
    Map<String, Object> merged = new LinkedHashMap<>(attributes);
    merged.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
    return new CompletedExecution(
        executionId, agentName, startTime, breakdown, metrics, phases, outcome, merged);
  }

  /** The same execution with {@code outcome} and the given context's attributes. */
  public CompletedExecution withContext(ExecutionOutcome outcome, ExecutionContext context) {
    Map<String, Object> merged = new LinkedHashMap<>(attributes);
    merged.putAll(context.attributes());
    merged.put(RUN_ID, context.runId());
    context.userId().ifPresent(user -> merged.put(USER_ID, user));
    return new CompletedExecution(
        executionId, agentName, startTime, breakdown, metrics, phases, outcome, merged);
  }
}
