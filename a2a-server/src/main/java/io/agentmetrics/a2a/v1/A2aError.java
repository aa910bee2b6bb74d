package io.agentmetrics.a2a.v1;

/**
 * The errors of A2A 1.0 with their code in each binding: the JSON-RPC code, the HTTP status of the
 * HTTP+JSON binding, the {@code google.rpc.Code} name that goes with it, and, for the A2A-specific
 * errors, the {@code ErrorInfo} reason.
 *
 * <p>HTTP statuses follow the official TCK where it differs from the specification's table: 409 for
 * {@link #TASK_NOT_CANCELABLE} (the table says 400), 415 for {@link #CONTENT_TYPE_NOT_SUPPORTED}
 * (400) and 502 for {@link #INVALID_AGENT_RESPONSE} (500).
 *
 * @since 0.1.0
 */
public enum A2aError {
  /** The task does not exist or is not visible. */
  TASK_NOT_FOUND(-32001, 404, "NOT_FOUND", true),
  /** The task is in a state that cannot be canceled. */
  TASK_NOT_CANCELABLE(-32002, 409, "FAILED_PRECONDITION", true),
  /** Push notifications are switched off. */
  PUSH_NOTIFICATION_NOT_SUPPORTED(-32003, 400, "FAILED_PRECONDITION", true),
  /** The operation does not apply, such as a message to a task that has ended. */
  UNSUPPORTED_OPERATION(-32004, 400, "FAILED_PRECONDITION", true),
  /** The request's media type is not accepted. */
  CONTENT_TYPE_NOT_SUPPORTED(-32005, 415, "INVALID_ARGUMENT", true),
  /** The agent answered something the protocol does not allow. */
  INVALID_AGENT_RESPONSE(-32006, 502, "INTERNAL", true),
  /** The extended agent card is declared but not configured. */
  EXTENDED_AGENT_CARD_NOT_CONFIGURED(-32007, 400, "FAILED_PRECONDITION", true),
  /** A required extension was not requested. */
  EXTENSION_SUPPORT_REQUIRED(-32008, 400, "FAILED_PRECONDITION", true),
  /** The {@code A2A-Version} the client asked for is not served. */
  VERSION_NOT_SUPPORTED(-32009, 400, "FAILED_PRECONDITION", true),
  /** The body is not JSON. */
  PARSE_ERROR(-32700, 400, "INVALID_ARGUMENT", false),
  /** The body is not a valid request. */
  INVALID_REQUEST(-32600, 400, "INVALID_ARGUMENT", false),
  /** No such method, or no such path. */
  METHOD_NOT_FOUND(-32601, 404, "NOT_FOUND", false),
  /** A parameter is missing or invalid; the message names it. */
  INVALID_PARAMS(-32602, 400, "INVALID_ARGUMENT", false),
  /** A server fault. */
  INTERNAL(-32603, 500, "INTERNAL", false),
  /**
   * The server is busy: the requests in flight hold as many bytes as they may ({@code
   * A2A_MAX_INFLIGHT_BYTES}), the agent's queue cannot start the turn in time ({@code
   * A2A_AGENT_QUEUE_TIMEOUT_MS}), or the stream caps are reached ({@code A2A_MAX_STREAMS}, {@code
   * A2A_MAX_STREAMS_PER_TASK}). Not one of the specification's A2A errors but its system error for
   * a temporary failure (section 3.3.2): JSON-RPC {@code -32603}, google.rpc {@code UNAVAILABLE},
   * sent with HTTP 503 and {@code Retry-After} in both bindings, as 0.3's {@code -32000} is.
   */
  UNAVAILABLE(-32603, 503, "UNAVAILABLE", false);

  /** The {@code ErrorInfo.domain} of every A2A error. */
  public static final String DOMAIN = "a2a-protocol.org";

  private final int jsonRpcCode;
  private final int httpStatus;
  private final String rpcStatus;
  private final boolean a2aSpecific;

  A2aError(int jsonRpcCode, int httpStatus, String rpcStatus, boolean a2aSpecific) {
    this.jsonRpcCode = jsonRpcCode;
    this.httpStatus = httpStatus;
    this.rpcStatus = rpcStatus;
    this.a2aSpecific = a2aSpecific;
  }

  /**
   * The JSON-RPC {@code error.code}.
   *
   * @return the code
   * @since 0.1.0
   */
  public int jsonRpcCode() {
    return jsonRpcCode;
  }

  /**
   * The HTTP status of the HTTP+JSON binding.
   *
   * @return the status
   * @since 0.1.0
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The {@code google.rpc.Code} name in the HTTP+JSON {@code error.status}.
   *
   * @return the name, such as {@code NOT_FOUND}
   * @since 0.1.0
   */
  public String rpcStatus() {
    return rpcStatus;
  }

  /**
   * Whether this is one of the A2A-specific errors, which carry an {@code ErrorInfo} whose reason
   * is this constant's name.
   *
   * @return {@code true} for the codes -32001 to -32009
   * @since 0.1.0
   */
  public boolean a2aSpecific() {
    return a2aSpecific;
  }
}
