package io.agentmetrics.a2a.store;

import static java.util.Objects.requireNonNull;

/**
 * A store could not be reached, or did not answer in time. Nothing was changed that the caller
 * cannot see on a retry: the request may be sent again.
 *
 * @since 0.1.0
 */
public final class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for a failed store call.
   *
   * @param message what could not be done
   * @param cause the driver's exception
   * @since 0.1.0
   */
  public StoreUnavailableException(String message, Throwable cause) {
    super(requireNonNull(message, "message"), cause);
  }

  /** The message given at construction, which is never null. */
  @Override
  public String getMessage() {
    return requireNonNull(super.getMessage());
  }
}
