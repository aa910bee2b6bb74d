package io.agentmetrics.supervisor.otel;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionContext;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.TimingBreakdown;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Builds {@link CompletedExecution} fixtures by hand, phase by phase. */
final class Executions {

  static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

  private UUID executionId = UUID.fromString("6f1c3a52-9b1e-4c1f-8d2a-3e4f5a6b7c8d");
  private String agentName = "supervisor";
  private Duration total = Duration.ofSeconds(1);
  private @Nullable Double ttftMs;
  private ExecutionOutcome outcome = ExecutionOutcome.succeeded();
  private final Map<String, Object> attributes = new LinkedHashMap<>();
  private final List<PhaseRecord> phases = new ArrayList<>();

  static Executions execution() {
    return new Executions();
  }

  /** The workflow most tests use: init, an LLM call, a tool with a nested query, two tasks. */
  static Executions workflow() {
    return execution()
        .attribute(CompletedExecution.RUN_ID, "run-1")
        .attribute(ExecutionContext.CONVERSATION_ID, "ctx-42")
        .ttftMs(120)
        .phase(PhaseRecord.ROOT, "initialization", PhaseCategory.INITIALIZATION, 0, 50, Map.of())
        .phase(
            PhaseRecord.ROOT,
            "plan",
            PhaseCategory.LLM_PROCESSING,
            50,
            300,
            Map.of(
                PhaseRecord.LLM_MODEL,
                "gemini-2.5-flash",
                PhaseRecord.LLM_PROVIDER,
                "gcp.gemini",
                PhaseRecord.LLM_INPUT_TOKENS,
                1200,
                PhaseRecord.LLM_OUTPUT_TOKENS,
                80))
        .phase(
            PhaseRecord.ROOT,
            "search",
            PhaseCategory.TOOL_EXECUTION,
            350,
            400,
            Map.of(PhaseRecord.TOOL_NAME, "web_search"))
        .phase(2, "fetch_orders", PhaseCategory.DATABASE_QUERY, 400, 100, Map.of())
        .parallelTask(PhaseRecord.ROOT, "notify_a", 760, 100)
        .parallelTask(PhaseRecord.ROOT, "notify_b", 770, 120);
  }

  Executions executionId(UUID id) {
    this.executionId = id;
    return this;
  }

  Executions agentName(String name) {
    this.agentName = name;
    return this;
  }

  Executions total(Duration total) {
    this.total = total;
    return this;
  }

  Executions ttftMs(double ttftMs) {
    this.ttftMs = ttftMs;
    return this;
  }

  Executions outcome(ExecutionOutcome outcome) {
    this.outcome = outcome;
    return this;
  }

  Executions attribute(String key, Object value) {
    attributes.put(key, value);
    return this;
  }

  Executions phase(
      int parentId,
      String name,
      @Nullable PhaseCategory category,
      long startMs,
      long durationMs,
      Map<String, Object> metadata) {
    phases.add(
        new PhaseRecord(
            phases.size(),
            parentId,
            name,
            category,
            millisToNanos(startMs),
            millisToNanos(durationMs),
            false,
            false,
            metadata));
    return this;
  }

  Executions parallelTask(int parentId, String name, long startMs, long durationMs) {
    phases.add(
        new PhaseRecord(
            phases.size(),
            parentId,
            name,
            null,
            millisToNanos(startMs),
            millisToNanos(durationMs),
            true,
            false,
            Map.of()));
    return this;
  }

  CompletedExecution build() {
    TimingBreakdown.Builder breakdown =
        TimingBreakdown.builder().totalMs(total.toNanos() / 1_000_000.0);
    if (ttftMs != null) {
      breakdown.ttftMs(ttftMs);
    }
    return new CompletedExecution(
        executionId, agentName, START, breakdown.build(), List.of(), phases, outcome, attributes);
  }

  private static long millisToNanos(long millis) {
    return Duration.ofMillis(millis).toNanos();
  }
}
