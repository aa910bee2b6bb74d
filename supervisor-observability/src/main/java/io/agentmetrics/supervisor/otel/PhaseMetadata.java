package io.agentmetrics.supervisor.otel;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.StreamTiming;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** Reads the well-known {@link PhaseRecord} metadata keys, tolerating any value type. */
final class PhaseMetadata {

  private PhaseMetadata() {}

  /** The value of {@code key} as a non-blank string, or null. */
  static @Nullable String string(PhaseRecord phase, String key) {
    return phase.text(key).orElse(null);
  }

  /** The value of {@code key} as a non-negative whole number, or null if it is not one. */
  static @Nullable Long count(PhaseRecord phase, String key) {
    OptionalLong count = phase.count(key);
    return count.isPresent() ? count.getAsLong() : null;
  }

  /** The value of {@code key} as a finite number that is not negative, or null. */
  static @Nullable Double amount(PhaseRecord phase, String key) {
    OptionalDouble amount = phase.amount(key);
    return amount.isPresent() ? amount.getAsDouble() : null;
  }

  /** The id of the phase's category, or {@code other} for an uncategorized phase. */
  static String categoryId(PhaseRecord phase) {
    PhaseCategory category = phase.category();
    return category != null ? category.id() : GenAiSemconv.OTHER_PHASE;
  }

  static boolean isLlmCall(PhaseRecord phase) {
    return phase.category() == PhaseCategory.LLM_PROCESSING;
  }

  /**
   * Whether the phase is one tool call: a phase or parallel task that names its tool, or a phase in
   * the tool category, unless it wraps a batch of parallel calls ({@link PhaseRecord#TOOL_BATCH}).
   */
  static boolean isToolCall(PhaseRecord phase) {
    if (Boolean.TRUE.equals(phase.metadata().get(PhaseRecord.TOOL_BATCH))) {
      return false;
    }
    return phase.category() == PhaseCategory.TOOL_EXECUTION
        || phase.text(PhaseRecord.TOOL_NAME).isPresent();
  }

  /** The tool a tool phase ran: its {@link PhaseRecord#TOOL_NAME}, else its own name. */
  static @Nullable String toolName(PhaseRecord phase) {
    String tool = string(phase, PhaseRecord.TOOL_NAME);
    if (tool != null) {
      return tool;
    }
    // A phase named after the category says nothing about which tool ran.
    return PhaseCategory.TOOL_EXECUTION.id().equals(phase.name()) ? null : phase.name();
  }

  /** Whether the LLM call was streamed. */
  static boolean isStreamed(PhaseRecord phase) {
    return Boolean.TRUE.equals(phase.metadata().get(PhaseRecord.LLM_STREAM))
        || streamTiming(phase) != null;
  }

  /** When the chunks of a streamed call arrived, if any did. */
  static @Nullable StreamTiming streamTiming(PhaseRecord phase) {
    return phase.metadata().get(PhaseRecord.LLM_STREAM_TIMING) instanceof StreamTiming timing
        ? timing
        : null;
  }

  /**
   * How long the invocation lasted, in nanoseconds from the execution's start: the breakdown's
   * total, or until its last phase ended if that was later (a phase stopped on another thread while
   * the execution completed). The invocation span and its duration metric both last this long, as
   * the conventions want them equal.
   */
  static long invocationNanos(CompletedExecution execution) {
    long nanos = Math.round(execution.breakdown().totalMs() * 1_000_000.0);
    for (PhaseRecord phase : execution.phases()) {
      nanos = Math.max(nanos, phase.endOffsetNanos());
    }
    return nanos;
  }

  /** The workflow an execution ran, if it is a workflow rather than one agent's invocation. */
  static @Nullable String workflowName(CompletedExecution execution) {
    Object name = execution.attributes().get(CompletedExecution.WORKFLOW_NAME);
    return name == null || name.toString().isBlank() ? null : name.toString();
  }
}
