package io.agentmetrics.a2a.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.a2a.internal.LogSafe;
import io.agentmetrics.a2a.jsonrpc.JsonRpcException;
import io.agentmetrics.a2a.task.TaskException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever a 1.0 operation threw into an {@link A2aException}, and renders one in each
 * binding's form: the JSON-RPC error object with its {@code data} array, and the HTTP+JSON ({@code
 * google.rpc.Status}, AIP-193) body with its {@code details} array. A2A-specific errors carry a
 * {@code google.rpc.ErrorInfo} (reason and domain {@value A2aError#DOMAIN}); an invalid parameter
 * whose field is known carries a {@code google.rpc.BadRequest} naming it.
 *
 * <p>Thread-safe.
 */
final class Errors {

  private static final Logger logger = LoggerFactory.getLogger(Errors.class);

  static final String ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";
  static final String BAD_REQUEST = "type.googleapis.com/google.rpc.BadRequest";

  private final ObjectMapper mapper;

  Errors(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The A2A error for {@code failure}, or for the cause a {@link CompletionException} wraps (a
   * blocking send's turn); an unexpected exception is logged and becomes INTERNAL.
   */
  static A2aException of(Throwable failure, String requestId) {
    Throwable e =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (e instanceof A2aException a2a) {
      return a2a;
    }
    if (e instanceof TaskException task) {
      return new A2aException(
          switch (task.reason()) {
            case NOT_FOUND -> A2aError.TASK_NOT_FOUND;
            case NOT_CANCELABLE -> A2aError.TASK_NOT_CANCELABLE;
            case UNSUPPORTED -> A2aError.UNSUPPORTED_OPERATION;
            case INVALID_PARAMS -> A2aError.INVALID_PARAMS;
            case OVERLOADED -> A2aError.UNAVAILABLE;
          },
          task.getMessage());
    }
    if (e instanceof JsonRpcException rpc) {
      return new A2aException(
          switch (rpc.code()) {
            case PARSE_ERROR -> A2aError.PARSE_ERROR;
            case INVALID_REQUEST -> A2aError.INVALID_REQUEST;
            case METHOD_NOT_FOUND -> A2aError.METHOD_NOT_FOUND;
            case INVALID_PARAMS -> A2aError.INVALID_PARAMS;
            case INTERNAL_ERROR -> A2aError.INTERNAL;
            case TASK_NOT_FOUND -> A2aError.TASK_NOT_FOUND;
            case TASK_NOT_CANCELABLE -> A2aError.TASK_NOT_CANCELABLE;
            case PUSH_NOTIFICATION_NOT_SUPPORTED -> A2aError.PUSH_NOTIFICATION_NOT_SUPPORTED;
            case UNSUPPORTED_OPERATION -> A2aError.UNSUPPORTED_OPERATION;
            case SERVER_BUSY -> A2aError.UNAVAILABLE;
          },
          rpc.getMessage());
    }
    if (e instanceof IllegalArgumentException invalid) {
      return new A2aException(
          A2aError.INVALID_PARAMS, "Invalid params: " + Sanitize.message(invalid));
    }
    logger.error("internal error handling A2A 1.0 request {}", LogSafe.of(requestId), e);
    return new A2aException(A2aError.INTERNAL, "Internal error; see the server log");
  }

  /** {@code {"code", "message", "data"}}: a JSON-RPC error object. */
  ObjectNode jsonRpcError(A2aException e) {
    ObjectNode error = mapper.createObjectNode();
    error.put("code", e.error().jsonRpcCode());
    error.put("message", e.getMessage());
    ArrayNode details = details(e);
    if (!details.isEmpty()) {
      error.set("data", details);
    }
    return error;
  }

  /** {@code {"error": {"code", "status", "message", "details"}}}: the HTTP+JSON error body. */
  byte[] restError(A2aException e) {
    return restError(e.error().httpStatus(), e.error().rpcStatus(), e.getMessage(), details(e));
  }

  /** An HTTP+JSON error body without details, for refusals that are not A2A errors (401). */
  byte[] restError(int status, String rpcStatus, String message) {
    return restError(status, rpcStatus, message, mapper.createArrayNode());
  }

  private byte[] restError(int status, String rpcStatus, String message, ArrayNode details) {
    ObjectNode error = mapper.createObjectNode();
    error.put("code", status);
    error.put("status", rpcStatus);
    error.put("message", message);
    error.set("details", details);
    ObjectNode body = mapper.createObjectNode();
    body.set("error", error);
    try {
      return mapper.writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IllegalStateException("an error body is always serializable", ex);
    }
  }

  private ArrayNode details(A2aException e) {
    ArrayNode details = mapper.createArrayNode();
    if (e.error().a2aSpecific()) {
      ObjectNode info = details.addObject();
      info.put("@type", ERROR_INFO);
      info.put("reason", e.error().name());
      info.put("domain", A2aError.DOMAIN);
      ObjectNode metadata = info.putObject("metadata");
      for (Map.Entry<String, String> entry : e.metadata().entrySet()) {
        metadata.put(entry.getKey(), entry.getValue());
      }
    } else if (e.error() == A2aError.INVALID_PARAMS && e.metadata().containsKey("field")) {
      ObjectNode badRequest = details.addObject();
      badRequest.put("@type", BAD_REQUEST);
      ObjectNode violation = badRequest.putArray("fieldViolations").addObject();
      violation.put("field", e.metadata().get("field"));
      violation.put("description", e.getMessage());
    }
    return details;
  }
}
