package io.agentmetrics.supervisor.otel;

import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseRecord;
import org.jspecify.annotations.Nullable;

/** Reads the well-known {@link PhaseRecord} metadata keys, tolerating any value type. */
final class PhaseMetadata {

  private PhaseMetadata() {}

  /** The value of {@code key} as a non-blank string, or null. */
  static @Nullable String string(PhaseRecord phase, String key) {
    Object value = phase.metadata().get(key);
    if (value == null) {
      return null;
    }
    String text = value.toString();
    return text.isBlank() ? null : text;
  }

  /** The value of {@code key} as a non-negative whole number, or null if it is not one. */
  static @Nullable Long count(PhaseRecord phase, String key) {
    Object value = phase.metadata().get(key);
    long count;
    if (value instanceof Number number) {
      count = number.longValue();
    } else if (value instanceof CharSequence text) {
      try {
        count = Long.parseLong(text.toString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    } else {
      return null;
    }
    return count >= 0 ? count : null;
  }

  /** The id of the phase's category, or {@code other} for an uncategorized phase. */
  static String categoryId(PhaseRecord phase) {
    PhaseCategory category = phase.category();
    return category != null ? category.id() : GenAiSemconv.OTHER_PHASE;
  }

  static boolean isLlmCall(PhaseRecord phase) {
    return phase.category() == PhaseCategory.LLM_PROCESSING;
  }

  static boolean isToolCall(PhaseRecord phase) {
    return phase.category() == PhaseCategory.TOOL_EXECUTION;
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
}
