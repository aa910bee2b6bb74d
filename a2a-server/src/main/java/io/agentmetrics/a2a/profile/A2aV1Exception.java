package io.agentmetrics.a2a.profile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An A2A 1.0 error answer: the JSON-RPC code (or, for HTTP+JSON, the HTTP status) and the {@code
 * google.rpc.ErrorInfo} reason when the server sent one.
 *
 * @since 0.1.0
 */
public final class A2aV1Exception extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int code;
  private final String reason;

  /**
   * An error.
   *
   * @param code the JSON-RPC code or HTTP status
   * @param reason the ErrorInfo reason, empty when none was sent
   * @param message the server's message
   * @since 0.1.0
   */
  public A2aV1Exception(int code, String reason, String message) {
    super(code + (reason.isEmpty() ? "" : " " + reason) + ": " + message, null, false, false);
    this.code = code;
    this.reason = reason;
  }

  static A2aV1Exception of(int code, String message, JsonNode details) {
    String reason = "";
    for (JsonNode detail : details) {
      if ("type.googleapis.com/google.rpc.ErrorInfo".equals(detail.path("@type").asText())) {
        reason = detail.path("reason").asText();
      }
    }
    return new A2aV1Exception(code, reason, message);
  }

  /**
   * The JSON-RPC error code, or the HTTP status of an HTTP+JSON error.
   *
   * @return the code
   * @since 0.1.0
   */
  public int code() {
    return code;
  }

  /**
   * The {@code ErrorInfo} reason, such as {@code TASK_NOT_FOUND}.
   *
   * @return the reason, empty when the server sent none
   * @since 0.1.0
   */
  public String reason() {
    return reason;
  }
}
