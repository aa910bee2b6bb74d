package io.agentmetrics.api;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Whether an execution succeeded, and if not, why.
 *
 * @param success whether the execution succeeded
 * @param errorType a short, low-cardinality classification of the failure (an exception class name,
 *     or a code such as {@code "timeout"}); null on success
 * @param errorMessage a human-readable reason; null on success
 * @since 0.1.0
 */
public record ExecutionOutcome(
    boolean success, @Nullable String errorType, @Nullable String errorMessage) {

  private static final ExecutionOutcome SUCCESS = new ExecutionOutcome(true, null, null);

  /** Checks that a failure has a type and a message, and a success has neither. */
  public ExecutionOutcome {
    if (success && (errorType != null || errorMessage != null)) {
      throw new IllegalArgumentException("a successful outcome has no errorType or errorMessage");
    }
    if (!success) {
      requireNonNull(errorType, "errorType");
      requireNonNull(errorMessage, "errorMessage");
    }
  }

  /** The outcome of an execution that succeeded. */
  public static ExecutionOutcome succeeded() {
    return SUCCESS;
  }

  /** The outcome of an execution that failed for the given reason. */
  public static ExecutionOutcome failed(String errorType, String errorMessage) {
    return new ExecutionOutcome(false, errorType, errorMessage);
  }

  /** The outcome of an execution that failed with {@code error}; its class name is the type. */
  public static ExecutionOutcome failed(Throwable error) {
    String message = error.getMessage();
    return failed(
        error.getClass().getName(), message != null ? message : error.getClass().getSimpleName());
  }
}
