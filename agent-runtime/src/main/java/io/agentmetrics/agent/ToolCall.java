package io.agentmetrics.agent;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.Preconditions;
import java.util.concurrent.Callable;

/**
 * A named tool invocation, for {@link AgentTiming#parallel}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param toolName the tool's name; the parallel task's name and its {@code tool.name} metadata
 * @param call the invocation
 * @param <T> what the tool returns
 * @since 0.1.0
 */
public record ToolCall<T>(String toolName, Callable<? extends T> call) {

  /** Checks both fields. */
  public ToolCall {
    Preconditions.notBlank(toolName, "toolName");
    requireNonNull(call, "call");
  }

  /** A call of {@code toolName}. */
  public static <T> ToolCall<T> of(String toolName, Callable<? extends T> call) {
    return new ToolCall<>(toolName, call);
  }
}
