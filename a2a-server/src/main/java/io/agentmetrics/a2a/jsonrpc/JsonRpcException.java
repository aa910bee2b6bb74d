package io.agentmetrics.a2a.jsonrpc;

import static java.util.Objects.requireNonNull;

/**
 * A request that ends in a JSON-RPC error. Carries no stack trace: it is control flow for bad
 * input, not a fault.
 *
 * @since 0.1.0
 */
public final class JsonRpcException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final JsonRpcErrorCode code;

  /**
   * An error with the given code.
   *
   * @param code the code
   * @param message what is wrong and what to do, sent to the client
   * @since 0.1.0
   */
  public JsonRpcException(JsonRpcErrorCode code, String message) {
    super(requireNonNull(message, "message"), null, false, false);
    this.code = requireNonNull(code, "code");
  }

  /** The message given at construction, which is never null. */
  @Override
  public String getMessage() {
    return requireNonNull(super.getMessage());
  }

  /**
   * The error code.
   *
   * @return the code
   * @since 0.1.0
   */
  public JsonRpcErrorCode code() {
    return code;
  }
}
