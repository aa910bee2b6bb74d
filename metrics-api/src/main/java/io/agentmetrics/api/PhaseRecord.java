package io.agentmetrics.api;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One finished phase or parallel task of an execution, as its consumers see it.
 *
 * <p>Phases form a tree: {@link #parentId()} is the {@link #id()} of the phase that was running
 * when this one started, or {@link #ROOT} for a top-level phase. Times are offsets from the start
 * of the execution, from a monotonic clock.
 *
 * @param id this phase's id, unique within its execution, in start order from 0
 * @param parentId the enclosing phase's id, or {@link #ROOT}
 * @param name the phase or task name
 * @param category the category it counts in, or null if it is uncategorized
 * @param startOffsetNanos nanoseconds from the execution's start to this phase's start
 * @param durationNanos how long it ran
 * @param parallel whether it was started as a parallel task
 * @param closedByCollector whether it was still running when the execution completed and the
 *     collector closed it
 * @param metadata the metadata given at start and added with {@link PhaseTimer#annotate}
 * @since 0.1.0
 */
public record PhaseRecord(
    int id,
    int parentId,
    String name,
    @Nullable PhaseCategory category,
    long startOffsetNanos,
    long durationNanos,
    boolean parallel,
    boolean closedByCollector,
    Map<String, Object> metadata) {

  /** The {@link #parentId()} of a top-level phase. */
  public static final int ROOT = -1;

  /** Metadata key for the name of the tool a phase ran. */
  public static final String TOOL_NAME = "tool.name";

  /**
   * Metadata key, {@code true} on a phase that wraps a batch of tool calls running in parallel: it
   * counts as tool execution time, but is not itself a tool call.
   */
  public static final String TOOL_BATCH = "tool.batch";

  /** Metadata key for the model an LLM phase asked for. */
  public static final String LLM_MODEL = "llm.model";

  /**
   * Metadata key for the model that answered an LLM phase, as the provider reported it (it may name
   * a more specific version than {@link #LLM_MODEL}).
   */
  public static final String LLM_RESPONSE_MODEL = "llm.response_model";

  /** Metadata key for the provider an LLM phase called ({@code "gemini"}, {@code "openai"}). */
  public static final String LLM_PROVIDER = "llm.provider";

  /** Metadata key for the input tokens an LLM phase used. */
  public static final String LLM_INPUT_TOKENS = "llm.input_tokens";

  /** Metadata key for the output tokens an LLM phase produced. */
  public static final String LLM_OUTPUT_TOKENS = "llm.output_tokens";

  /** Metadata key for the cost of an LLM phase in US dollars, priced from its tokens. */
  public static final String LLM_COST_USD = "llm.cost_usd";

  /** Metadata key, {@code true} on an LLM phase whose answer was streamed. */
  public static final String LLM_STREAM = "llm.stream";

  /** Metadata key for the {@link StreamTiming} of a streamed LLM phase that received a chunk. */
  public static final String LLM_STREAM_TIMING = "llm.stream_timing";

  /** Metadata key for the error type of a phase that failed. */
  public static final String ERROR_TYPE = "error.type";

  /** Validates every field and copies the metadata. */
  public PhaseRecord {
    if (id < 0) {
      throw new IllegalArgumentException("id must not be negative, got " + id);
    }
    if (parentId < ROOT || parentId >= id) {
      throw new IllegalArgumentException(
          "parentId must be ROOT or the id of an earlier phase, got " + parentId + " for id " + id);
    }
    requireNonNull(name, "name");
    Preconditions.nonNegative(startOffsetNanos, "startOffsetNanos");
    Preconditions.nonNegative(durationNanos, "durationNanos");
    metadata = Maps.orderedCopy(metadata, "metadata");
  }

  /** Whether this is a top-level phase. */
  public boolean isRoot() {
    return parentId == ROOT;
  }

  /** The offset of the end of this phase from the execution's start, in nanoseconds. */
  public long endOffsetNanos() {
    return startOffsetNanos + durationNanos;
  }

  /** The duration in milliseconds. */
  public double durationMs() {
    return durationNanos / 1_000_000.0;
  }

  /**
   * The metadata value of {@code key} as a whole number that is not negative: a {@link Number}
   * without a fraction, or text holding one. Empty for anything else.
   */
  public OptionalLong count(String key) {
    Object value = metadata.get(key);
    if (value instanceof Number number) {
      double asDouble = number.doubleValue();
      long asLong = number.longValue();
      return asLong >= 0 && asLong == asDouble ? OptionalLong.of(asLong) : OptionalLong.empty();
    }
    if (value instanceof CharSequence text) {
      try {
        long parsed = Long.parseLong(text.toString().strip());
        return parsed >= 0 ? OptionalLong.of(parsed) : OptionalLong.empty();
      } catch (NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }

  /**
   * The metadata value of {@code key} as a finite number that is not negative: a {@link Number}, or
   * text holding one. Empty for anything else.
   */
  public OptionalDouble amount(String key) {
    Object value = metadata.get(key);
    double amount;
    if (value instanceof Number number) {
      amount = number.doubleValue();
    } else if (value instanceof CharSequence text) {
      try {
        amount = Double.parseDouble(text.toString().strip());
      } catch (NumberFormatException e) {
        return OptionalDouble.empty();
      }
    } else {
      return OptionalDouble.empty();
    }
    return amount >= 0 && !Double.isInfinite(amount)
        ? OptionalDouble.of(amount)
        : OptionalDouble.empty();
  }

  /** The metadata value of {@code key} as text that is not blank, if there is one. */
  public Optional<String> text(String key) {
    Object value = metadata.get(key);
    if (value == null) {
      return Optional.empty();
    }
    String text = value.toString();
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  /** Whether this phase is an LLM call that reported token usage (input or output tokens). */
  public boolean isLlmCallWithUsage() {
    return category == PhaseCategory.LLM_PROCESSING
        && (count(LLM_INPUT_TOKENS).isPresent() || count(LLM_OUTPUT_TOKENS).isPresent());
  }
}
