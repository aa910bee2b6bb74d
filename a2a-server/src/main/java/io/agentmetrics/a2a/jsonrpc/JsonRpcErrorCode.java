package io.agentmetrics.a2a.jsonrpc;

/**
 * The JSON-RPC 2.0 and A2A v0.3.0 error codes this server answers with.
 *
 * @since 0.1.0
 */
public enum JsonRpcErrorCode {
  /** The body is not valid JSON. */
  PARSE_ERROR(-32700),
  /** The JSON is not a valid JSON-RPC request, or the request was refused before dispatch. */
  INVALID_REQUEST(-32600),
  /** No such method. */
  METHOD_NOT_FOUND(-32601),
  /** The params are missing, ill-typed or out of range; the message names the field. */
  INVALID_PARAMS(-32602),
  /** A server fault; the details are only in the server log. */
  INTERNAL_ERROR(-32603),
  /**
   * The server is busy: the requests in flight hold as many bytes as they may, the agent queue
   * cannot take the turn, or too many event streams are open. Nothing was done, so the request may
   * be sent again; over plain HTTP the answer is 503 with {@code Retry-After}.
   */
  SERVER_BUSY(-32000),
  /** A2A: no such task (or it expired). */
  TASK_NOT_FOUND(-32001),
  /** A2A: the task already ended. */
  TASK_NOT_CANCELABLE(-32002),
  /** A2A: push notifications are not supported. */
  PUSH_NOTIFICATION_NOT_SUPPORTED(-32003),
  /** A2A: the operation does not apply (such as resubscribing to an ended task). */
  UNSUPPORTED_OPERATION(-32004);

  private final int code;

  JsonRpcErrorCode(int code) {
    this.code = code;
  }

  /**
   * The numeric code.
   *
   * @return the code
   * @since 0.1.0
   */
  public int code() {
    return code;
  }
}
