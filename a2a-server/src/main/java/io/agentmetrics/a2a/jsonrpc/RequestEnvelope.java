package io.agentmetrics.a2a.jsonrpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The members of one JSON-RPC request, read in a single streaming pass over the whole body, which
 * checks its syntax and the mapper's limits without building a tree. {@code params} is kept as its
 * span of the body; unknown members are skipped.
 *
 * <p>The {@code id} is refused (as {@code -32600}, answered with a null id, never echoed) when it
 * is neither a string, a number nor null, when it is longer than {@value #MAX_ID_LENGTH}
 * characters, or when it is a number the response could not carry exactly: an integer beyond 64
 * bits, or a fraction that is not finite or that a double does not hold exactly.
 *
 * @param id the request's id, {@code null} when absent
 * @param version the {@code jsonrpc} member when it is a string
 * @param method the {@code method} member when it is a string
 * @param params the {@code params} member
 */
record RequestEnvelope(
    JsonNode id, @Nullable String version, @Nullable String method, Params params) {

  /** The longest id accepted, in characters, as for task ids. */
  static final int MAX_ID_LENGTH = 256;

  /**
   * Reads {@code body}.
   *
   * @throws JsonRpcException {@code -32700} for a body that is empty, not JSON or not UTF-8; {@code
   *     -32600} for one beyond the mapper's limits, not an object, or with a refused id
   */
  static RequestEnvelope read(ObjectMapper mapper, byte[] body) {
    try (JsonParser parser = mapper.createParser(body)) {
      JsonToken root = parser.nextToken();
      if (root == null) {
        throw new JsonRpcException(JsonRpcErrorCode.PARSE_ERROR, "Parse error: the body is empty");
      }
      if (parser.currentTokenLocation().getByteOffset() < 0) {
        // Jackson reads UTF-16 and UTF-32 through a Reader, which knows no byte offsets.
        throw new JsonRpcException(
            JsonRpcErrorCode.PARSE_ERROR, "Parse error: the body must be JSON in UTF-8");
      }
      if (root != JsonToken.START_OBJECT) {
        parser.skipChildren();
        requireEnd(parser);
        throw invalidRequest(
            root == JsonToken.START_ARRAY
                ? "batch requests are not supported; send one request object"
                : "the body must be a JSON object");
      }
      return readMembers(parser, body);
    } catch (StreamConstraintsException e) {
      throw invalidRequest(
          "the JSON exceeds the server's limits on nesting depth (A2A_MAX_JSON_DEPTH), string"
              + " length (A2A_MAX_STRING_LENGTH), tokens (A2A_MAX_JSON_TOKENS) or size"
              + " (A2A_MAX_BODY_BYTES)");
    } catch (IOException e) {
      throw new JsonRpcException(
          JsonRpcErrorCode.PARSE_ERROR, "Parse error: the body is not valid JSON");
    }
  }

  static JsonRpcException invalidRequest(String why) {
    return new JsonRpcException(JsonRpcErrorCode.INVALID_REQUEST, "Invalid Request: " + why);
  }

  /**
   * Reads the members of the root object; an id problem is raised only once the whole body has
   * proved to be JSON, since a parse error takes precedence.
   */
  private static RequestEnvelope readMembers(JsonParser parser, byte[] body) throws IOException {
    JsonNode id = NullNode.getInstance();
    String idProblem = null;
    String version = null;
    String method = null;
    Params params = Params.MISSING;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "jsonrpc" -> version = value == JsonToken.VALUE_STRING ? parser.getText() : null;
        case "method" -> method = value == JsonToken.VALUE_STRING ? parser.getText() : null;
        case "id" -> {
          idProblem = idProblem(parser, value);
          id = idProblem == null ? idNode(parser, value) : NullNode.getInstance();
        }
        case "params" -> params = params(parser, value, body);
      }
      parser.skipChildren();
    }
    requireEnd(parser);
    if (idProblem != null) {
      throw invalidRequest(idProblem);
    }
    return new RequestEnvelope(id, version, method, params);
  }

  private static @Nullable String idProblem(JsonParser parser, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_NULL -> null;
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          parser.getTextLength() > MAX_ID_LENGTH
              ? "id must be at most " + MAX_ID_LENGTH + " characters"
              : numberProblem(parser, value);
      default -> "id must be a string, a number or null";
    };
  }

  private static @Nullable String numberProblem(JsonParser parser, JsonToken value)
      throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      return "a numeric id must fit in 64 bits; send it as a string";
    }
    if (value == JsonToken.VALUE_NUMBER_FLOAT && !exactDouble(parser)) {
      return "a numeric id must be finite and exact as a double; send it as a string";
    }
    return null;
  }

  private static boolean exactDouble(JsonParser parser) throws IOException {
    double number = parser.getDoubleValue();
    if (!Double.isFinite(number)) {
      return false;
    }
    try {
      return BigDecimal.valueOf(number).compareTo(parser.getDecimalValue()) == 0;
    } catch (NumberFormatException e) {
      // An exponent beyond what BigDecimal holds (1e-9999999999): certainly not exact.
      return false;
    }
  }

  private static JsonNode idNode(JsonParser parser, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_STRING -> JsonNodeFactory.instance.textNode(parser.getText());
      case VALUE_NUMBER_INT -> JsonNodeFactory.instance.numberNode(parser.getLongValue());
      case VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(parser.getDoubleValue());
      default -> NullNode.getInstance();
    };
  }

  /** The params at {@code value}; for an object, the parser is left at its end. */
  private static Params params(JsonParser parser, JsonToken value, byte[] body) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return Params.MISSING;
    }
    if (value != JsonToken.START_OBJECT) {
      return Params.NOT_AN_OBJECT;
    }
    long from = parser.currentTokenLocation().getByteOffset();
    parser.skipChildren();
    return Params.object(body, (int) from, (int) parser.currentLocation().getByteOffset());
  }

  /** Fails unless the root value is all there is, as {@code FAIL_ON_TRAILING_TOKENS} would. */
  private static void requireEnd(JsonParser parser) throws IOException {
    if (parser.nextToken() != null) {
      throw new JsonRpcException(
          JsonRpcErrorCode.PARSE_ERROR, "Parse error: the body holds more than one JSON value");
    }
  }
}
