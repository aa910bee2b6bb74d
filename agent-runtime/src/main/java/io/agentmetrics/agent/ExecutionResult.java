package io.agentmetrics.agent;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an agent execution returned: success with data, or failure with a reason.
 *
 * <p>Immutable and thread-safe. The data map is copied on creation and keeps its iteration order.
 *
 * @since 0.1.0
 */
public final class ExecutionResult {

  private static final ExecutionResult EMPTY_SUCCESS = new ExecutionResult(true, Map.of(), null);

  private final boolean success;
  private final Map<String, Object> data;
  private final @Nullable String error;

  private ExecutionResult(boolean success, Map<String, Object> data, @Nullable String error) {
    this.success = success;
    this.data = data;
    this.error = error;
  }

  /**
   * A successful result carrying {@code data}.
   *
   * @throws NullPointerException if {@code data} is null or holds a null key or value
   */
  public static ExecutionResult success(Map<String, ?> data) {
    requireNonNull(data, "data");
    return data.isEmpty() ? EMPTY_SUCCESS : new ExecutionResult(true, orderedCopy(data), null);
  }

  /**
   * A failed result with a human-readable reason.
   *
   * @throws IllegalArgumentException if {@code error} is blank
   */
  public static ExecutionResult failure(String error) {
    requireNonNull(error, "error");
    if (error.isBlank()) {
      throw new IllegalArgumentException("error must describe the failure, got a blank string");
    }
    return new ExecutionResult(false, Map.of(), error);
  }

  /**
   * A failed result whose reason is {@code cause}'s message, or its class name when it has none.
   */
  public static ExecutionResult failure(Throwable cause) {
    requireNonNull(cause, "cause");
    String message = cause.getMessage();
    return failure(
        message == null || message.isBlank() ? cause.getClass().getSimpleName() : message);
  }

  /** Whether the execution succeeded. */
  public boolean success() {
    return success;
  }

  /** The data a successful execution returned, in its given order; empty for a failure. */
  public Map<String, Object> data() {
    return data;
  }

  /** Why the execution failed; empty on success. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ExecutionResult that
        && success == that.success
        && data.equals(that.data)
        && Objects.equals(error, that.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(success, data, error);
  }

  @Override
  public String toString() {
    return success
        ? "ExecutionResult[success, data=" + data + "]"
        : "ExecutionResult[failure, error=" + error + "]";
  }

  private static Map<String, Object> orderedCopy(Map<String, ?> data) {
    Map<String, Object> copy = new LinkedHashMap<>(data.size() * 2);
    data.forEach(
        (key, value) -> {
          requireNonNull(key, "data must not contain a null key");
          requireNonNull(value, () -> "data must not contain a null value (key '" + key + "')");
          copy.put(key, value);
        });
    return Collections.unmodifiableMap(copy);
  }
}
