package io.agentmetrics.agent;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.agent.llm.ModelPrice;
import io.agentmetrics.agent.llm.PriceTable;
import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.PhaseRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the cost of every LLM call on a finished execution, from its token counts and a {@link
 * PriceTable}. {@link BaseAgent} does this before its sinks see an execution; call it yourself
 * where executions are completed elsewhere. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class ExecutionCosts {

  private ExecutionCosts() {}

  /**
   * {@code execution} with a {@link PhaseRecord#LLM_COST_USD} on every LLM phase that reported
   * usage ({@link PhaseRecord#isLlmCallWithUsage()}), has no cost yet and whose model has a price;
   * the model is the one that answered ({@link PhaseRecord#LLM_RESPONSE_MODEL}), else the one asked
   * ({@link PhaseRecord#LLM_MODEL}). Returns {@code execution} itself when no phase gets a cost.
   */
  public static CompletedExecution price(CompletedExecution execution, PriceTable prices) {
    requireNonNull(execution, "execution");
    requireNonNull(prices, "prices");
    List<PhaseRecord> phases = execution.phases();
    List<PhaseRecord> priced = null;
    for (int i = 0; i < phases.size(); i++) {
      PhaseRecord phase = phases.get(i);
      PhaseRecord withCost = price(phase, prices);
      if (withCost != phase && priced == null) {
        priced = new ArrayList<>(phases.subList(0, i));
      }
      if (priced != null) {
        priced.add(withCost);
      }
    }
    if (priced == null) {
      return execution;
    }
    return new CompletedExecution(
        execution.executionId(),
        execution.agentName(),
        execution.startTime(),
        execution.breakdown(),
        execution.metrics(),
        priced,
        execution.outcome(),
        execution.attributes());
  }

  private static PhaseRecord price(PhaseRecord phase, PriceTable prices) {
    if (!phase.isLlmCallWithUsage() || phase.metadata().containsKey(PhaseRecord.LLM_COST_USD)) {
      return phase;
    }
    Optional<ModelPrice> price =
        phase
            .text(PhaseRecord.LLM_RESPONSE_MODEL)
            .or(() -> phase.text(PhaseRecord.LLM_MODEL))
            .flatMap(prices::find);
    if (price.isEmpty()) {
      return phase;
    }
    Map<String, Object> metadata = new LinkedHashMap<>(phase.metadata());
    metadata.put(
        PhaseRecord.LLM_COST_USD,
        price
            .get()
            .costUsd(
                phase.count(PhaseRecord.LLM_INPUT_TOKENS).orElse(0),
                phase.count(PhaseRecord.LLM_OUTPUT_TOKENS).orElse(0)));
    return new PhaseRecord(
        phase.id(),
        phase.parentId(),
        phase.name(),
        phase.category(),
        phase.startOffsetNanos(),
        phase.durationNanos(),
        phase.parallel(),
        phase.closedByCollector(),
        metadata);
  }
}
