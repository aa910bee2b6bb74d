package io.agentmetrics.a2a.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.jspecify.annotations.Nullable;

/**
 * A JSON-RPC 2.0 response: either a {@code result} or an {@code error}, always echoing the
 * request's {@code id} ({@code null} when it could not be read).
 *
 * @param jsonrpc always {@code 2.0}
 * @param id the request's id
 * @param result the result, for a success
 * @param error the error, for a failure
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonRpcResponse(
    String jsonrpc,
    @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode id,
    @Nullable Object result,
    @Nullable Error error) {

  /** Checks that exactly one of result and error is present. */
  public JsonRpcResponse {
    if ((result == null) == (error == null)) {
      throw new IllegalArgumentException("a response has exactly one of result or error");
    }
    if (id == null) {
      id = NullNode.getInstance();
    }
  }

  /**
   * A success.
   *
   * @param id the request's id
   * @param result the result
   * @return the response
   * @since 0.1.0
   */
  public static JsonRpcResponse success(JsonNode id, Object result) {
    return new JsonRpcResponse("2.0", id, result, null);
  }

  /**
   * A failure.
   *
   * @param id the request's id
   * @param code the JSON-RPC error code
   * @param message what went wrong and what to do
   * @return the response
   * @since 0.1.0
   */
  public static JsonRpcResponse failure(JsonNode id, int code, String message) {
    return new JsonRpcResponse("2.0", id, null, new Error(code, message));
  }

  /**
   * A JSON-RPC error object.
   *
   * @param code the error code
   * @param message the message
   * @since 0.1.0
   */
  // Named after JSON-RPC 2.0's error object, and always written JsonRpcResponse.Error outside
  // this file, so it never stands for java.lang.Error.
  @SuppressWarnings("JavaLangClash")
  public record Error(int code, String message) {

    /** Checks the message. */
    public Error {
      java.util.Objects.requireNonNull(message, "message");
    }
  }
}
