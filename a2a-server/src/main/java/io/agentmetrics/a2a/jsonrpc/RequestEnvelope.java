package io.agentmetrics.a2a.jsonrpc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The members of one JSON-RPC request, read in a single streaming pass over the whole body, which
 * checks its syntax and the mapper's limits without building a tree. {@code params} is kept as its
 * span of the body; unknown members are skipped. Both protocol versions read their requests through
 * it, so the same bodies and ids are refused the same way whatever version the client speaks.
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
 * @since 0.1.0
 */
public record RequestEnvelope(
    JsonNode id, @Nullable String version, @Nullable String method, Params params) {

  /** The longest id accepted, in characters, as for task ids. */
  public static final int MAX_ID_LENGTH = 256;

  /** Checks the fields. */
  public RequestEnvelope {
    requireNonNull(id, "id");
    requireNonNull(params, "params");
  }

  /**
   * Reads {@code body}, timed as the request's {@code json_parsing} stage.
   *
   * @param mapper the server's mapper, with its parse limits
   * @param body the request body
   * @param clock the request's clock
   * @return the envelope
   * @throws JsonRpcException {@code -32700} for a body that is empty, not JSON or not UTF-8; {@code
   *     -32600} for one beyond the mapper's limits, not an object, or with a refused id
   * @since 0.1.0
   */
  public static RequestEnvelope read(ObjectMapper mapper, byte[] body, RequestClock clock) {
    long started = clock.now();
    try {
      return read(mapper, body);
    } finally {
      clock.addParsing(started);
    }
  }

  /** Reads {@code body}, untimed; see {@link #read(ObjectMapper, byte[], RequestClock)}. */
  static RequestEnvelope read(ObjectMapper mapper, byte[] body) {
    Members members =
        JsonBody.read(
            mapper,
            body,
            (parser, root) -> {
              JsonBody.requireObject(
                  parser,
                  root,
                  root == JsonToken.START_ARRAY
                      ? "batch requests are not supported; send one request object"
                      : "the body must be a JSON object");
              return readMembers(parser, body);
            });
    // Raised only once the whole body has proved to be JSON, since a parse error takes precedence.
    if (members.idProblem() != null) {
      throw JsonBody.invalidRequest(members.idProblem());
    }
    return members.envelope();
  }

  /**
   * Names the request on its clock (its id, and its method when {@code served} knows it, {@code
   * unknown} otherwise), then checks {@code jsonrpc} and {@code method}.
   *
   * @param clock the request's clock
   * @param served whether a method is served
   * @return the method
   * @throws JsonRpcException {@code -32600} when {@code jsonrpc} is not 2.0 or {@code method} is
   *     missing
   * @since 0.1.0
   */
  public String checkedMethod(RequestClock clock, Predicate<String> served) {
    String name = method == null ? "" : method;
    clock.identify(id.isNull() ? null : id.asText(), served.test(name) ? name : "unknown");
    if (!"2.0".equals(version)) {
      throw JsonBody.invalidRequest("jsonrpc must be \"2.0\"");
    }
    if (name.isEmpty()) {
      throw JsonBody.invalidRequest("method is required and must be a string");
    }
    return name;
  }

  private static Members readMembers(JsonParser parser, byte[] body) throws IOException {
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
    return new Members(new RequestEnvelope(id, version, method, params), idProblem);
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
    return JsonBody.object(parser, body);
  }

  /** The envelope, and why its id is refused, if it is. */
  private record Members(RequestEnvelope envelope, @Nullable String idProblem) {}
}
