package io.agentmetrics.agent;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one tool call of {@link AgentTiming#parallel} returned or threw, and how long it took.
 *
 * <p>Immutable and thread-safe if the value is.
 *
 * @param <T> what the tool returns
 * @since 0.1.0
 */
public final class ToolResult<T> {

  private final String toolName;
  private final @Nullable T value;
  private final @Nullable Throwable failure;
  private final double durationMs;

  private ToolResult(
      String toolName, @Nullable T value, @Nullable Throwable failure, double durationMs) {
    this.toolName = requireNonNull(toolName, "toolName");
    this.value = value;
    this.failure = failure;
    this.durationMs = durationMs;
  }

  static <T> ToolResult<T> success(String toolName, @Nullable T value, double durationMs) {
    return new ToolResult<>(toolName, value, null, durationMs);
  }

  static <T> ToolResult<T> failure(String toolName, Throwable failure, double durationMs) {
    return new ToolResult<>(toolName, null, requireNonNull(failure, "failure"), durationMs);
  }

  /** The tool's name. */
  public String toolName() {
    return toolName;
  }

  /** Whether the tool returned normally. */
  public boolean isSuccess() {
    return failure == null;
  }

  /**
   * What the tool returned (null if it returned null).
   *
   * @throws IllegalStateException if the tool failed; the failure is its cause
   */
  public @Nullable T value() {
    if (failure != null) {
      throw new IllegalStateException("tool " + toolName + " failed: " + failure, failure);
    }
    return value;
  }

  /** What the tool threw, if it failed. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** How long the call ran, in milliseconds; 0 if it never started. */
  public double durationMs() {
    return durationMs;
  }

  @Override
  public String toString() {
    return "ToolResult["
        + toolName
        + (failure == null ? ", success" : ", failed: " + failure)
        + ", "
        + durationMs
        + " ms]";
  }
}
