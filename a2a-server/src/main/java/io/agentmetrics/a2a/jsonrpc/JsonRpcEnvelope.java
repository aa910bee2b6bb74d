package io.agentmetrics.a2a.jsonrpc;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The JSON-RPC 2.0 envelope of a request, read the same way for every protocol version: the body
 * parsed within the mapper's limits (the {@code json_parsing} stage), the {@code id} checked, the
 * request named on its clock, and {@code jsonrpc} and {@code method} checked. Each failure is a
 * {@link JsonRpcException} with the standard code.
 *
 * @param id the request's id ({@code null} node when absent)
 * @param method the method name
 * @param params the params, if any
 * @since 0.1.0
 */
public record JsonRpcEnvelope(JsonNode id, String method, JsonNode params) {

  /**
   * Parses a request body within the mapper's limits, timed as {@code json_parsing}.
   *
   * @param mapper the server's mapper
   * @param body the raw body
   * @param clock the request's clock
   * @return the request object
   * @throws JsonRpcException -32700 for a body that is not JSON, -32600 for one that is not an
   *     object or breaks the limits
   * @since 0.1.0
   */
  public static JsonNode parse(ObjectMapper mapper, byte[] body, RequestClock clock) {
    long started = clock.now();
    try {
      JsonNode root = mapper.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw new JsonRpcException(JsonRpcErrorCode.PARSE_ERROR, "Parse error: the body is empty");
      }
      if (root.isArray()) {
        throw invalidRequest("batch requests are not supported; send one request object");
      }
      if (!root.isObject()) {
        throw invalidRequest("the body must be a JSON object");
      }
      return root;
    } catch (StreamConstraintsException e) {
      throw invalidRequest(
          "the JSON exceeds the server's limits on nesting depth (A2A_MAX_JSON_DEPTH) or string"
              + " length (A2A_MAX_STRING_LENGTH)");
    } catch (IOException e) {
      throw new JsonRpcException(
          JsonRpcErrorCode.PARSE_ERROR, "Parse error: the body is not valid JSON");
    } finally {
      clock.addParsing(started);
    }
  }

  /**
   * The request's id, for the response to echo.
   *
   * @param root a parsed request
   * @return the id, a null node when absent
   * @throws JsonRpcException -32600 when it is an object, an array or a boolean
   * @since 0.1.0
   */
  public static JsonNode id(JsonNode root) {
    JsonNode id = root.get("id");
    if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
      throw invalidRequest("id must be a string, a number or null");
    }
    return id == null ? NullNode.getInstance() : id;
  }

  /**
   * Names the request on its clock, then checks {@code jsonrpc} and {@code method}.
   *
   * @param root a parsed request
   * @param id its id, from {@link #id}
   * @param clock the request's clock
   * @param known whether a method is served, for the trace's method field ({@code unknown} if not)
   * @return the envelope
   * @throws JsonRpcException -32600 when {@code jsonrpc} is not 2.0 or {@code method} is missing
   * @since 0.1.0
   */
  public static JsonRpcEnvelope of(
      JsonNode root, JsonNode id, RequestClock clock, Predicate<String> known) {
    JsonNode method = root.get("method");
    String name = method != null && method.isTextual() ? method.asText() : "";
    clock.identify(
        id.isNull() ? "req-" + UUID.randomUUID() : id.asText(),
        known.test(name) ? name : "unknown");
    JsonNode version = root.get("jsonrpc");
    if (version == null || !"2.0".equals(version.textValue())) {
      throw invalidRequest("jsonrpc must be \"2.0\"");
    }
    if (name.isEmpty()) {
      throw invalidRequest("method is required and must be a string");
    }
    JsonNode params = root.get("params");
    return new JsonRpcEnvelope(id, name, params == null ? NullNode.getInstance() : params);
  }

  static JsonRpcException invalidRequest(String why) {
    return new JsonRpcException(JsonRpcErrorCode.INVALID_REQUEST, "Invalid Request: " + why);
  }
}
