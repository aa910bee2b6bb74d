package io.agentmetrics.a2a.v1;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A request that ends in an A2A 1.0 error. Carries no stack trace: it is control flow for bad input
 * or a refused operation, not a fault.
 *
 * @since 0.1.0
 */
public final class A2aException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final A2aError error;
  private final transient Map<String, String> metadata;

  /**
   * An error.
   *
   * @param error which error
   * @param message what is wrong and what to do, sent to the client
   * @param metadata context for the {@code ErrorInfo}, such as the task id
   * @since 0.1.0
   */
  public A2aException(A2aError error, String message, Map<String, String> metadata) {
    super(requireNonNull(message, "message"), null, false, false);
    this.error = requireNonNull(error, "error");
    this.metadata = Map.copyOf(metadata);
  }

  /** The message given at construction, which is never null. */
  @Override
  public String getMessage() {
    return requireNonNull(super.getMessage());
  }

  /**
   * An error without metadata.
   *
   * @param error which error
   * @param message what is wrong and what to do
   * @since 0.1.0
   */
  public A2aException(A2aError error, String message) {
    this(error, message, Map.of());
  }

  /**
   * Which error.
   *
   * @return the error
   * @since 0.1.0
   */
  public A2aError error() {
    return error;
  }

  /**
   * Context for the {@code ErrorInfo}.
   *
   * @return the metadata, possibly empty
   * @since 0.1.0
   */
  public Map<String, String> metadata() {
    return metadata;
  }
}
