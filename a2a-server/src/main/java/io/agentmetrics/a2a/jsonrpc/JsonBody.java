package io.agentmetrics.a2a.jsonrpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * One streaming pass over a request body with the server's mapper, which checks its syntax and the
 * mapper's limits (nesting depth, string length, tokens, size) without building a tree: the
 * JSON-RPC envelope of both protocol versions and the bodies of the A2A 1.0 HTTP+JSON binding are
 * read through it, so every binding refuses the same documents with the same words.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonBody {

  private JsonBody() {}

  /** Reads the root value the parser is at; must leave the parser after the root's end. */
  @FunctionalInterface
  interface RootReader<T> {
    T read(JsonParser parser, JsonToken root) throws IOException;
  }

  /**
   * Reads {@code body} with {@code reader}, then requires that nothing follows the root value.
   *
   * @throws JsonRpcException {@code -32700} for a body that is empty, not JSON or not UTF-8; {@code
   *     -32600} for one beyond the mapper's limits, or whatever {@code reader} throws
   */
  static <T> T read(ObjectMapper mapper, byte[] body, RootReader<T> reader) {
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
      T value = reader.read(parser, root);
      requireEnd(parser);
      return value;
    } catch (StreamConstraintsException e) {
      throw overLimits();
    } catch (IOException e) {
      throw new JsonRpcException(
          JsonRpcErrorCode.PARSE_ERROR, "Parse error: the body is not valid JSON");
    }
  }

  /**
   * Refuses a root that is not an object with {@code why}, once the rest of the body has proved to
   * be JSON, since a parse error takes precedence.
   */
  static void requireObject(JsonParser parser, JsonToken root, String why) throws IOException {
    if (root != JsonToken.START_OBJECT) {
      parser.skipChildren();
      requireEnd(parser);
      throw invalidRequest(why);
    }
  }

  /**
   * The object the parser is at, as its span of {@code body}; the parser is left at its end. Counts
   * the object's tokens, and holds its strings to the mapper's string length limit, which skipping
   * them alone would not check: A2A 1.0 hands the span to protobuf, not to the mapper.
   */
  static Params object(JsonParser parser, byte[] body) throws IOException {
    long from = parser.currentTokenLocation().getByteOffset();
    long tokensBefore = parser.currentTokenCount();
    int maxStringLength = parser.streamReadConstraints().getMaxStringLength();
    if (body.length - from <= maxStringLength) {
      // Every character of a string takes at least one byte: none here can be too long.
      parser.skipChildren();
    } else {
      skipCheckingStrings(parser, maxStringLength);
    }
    return Params.object(
        body,
        (int) from,
        (int) parser.currentLocation().getByteOffset(),
        parser.currentTokenCount() - tokensBefore + 1);
  }

  /**
   * Skips the contents of the object or array the parser is at, as {@link
   * JsonParser#skipChildren()} does, decoding each string to refuse one longer than {@code
   * maxStringLength} characters. (Names are held to the mapper's name limit as they are read.)
   */
  private static void skipCheckingStrings(JsonParser parser, int maxStringLength)
      throws IOException {
    int depth = 1;
    while (depth > 0) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return;
      }
      switch (token) {
        case START_OBJECT, START_ARRAY -> depth++;
        case END_OBJECT, END_ARRAY -> depth--;
        case VALUE_STRING -> {
          if (parser.getTextLength() > maxStringLength) {
            throw overLimits();
          }
        }
        default -> {}
      }
    }
  }

  /** The answer to JSON past the server's parsing limits, wherever in the body it is found. */
  static JsonRpcException overLimits() {
    return invalidRequest(
        "the JSON exceeds the server's limits on nesting depth (A2A_MAX_JSON_DEPTH), string"
            + " length (A2A_MAX_STRING_LENGTH), tokens (A2A_MAX_JSON_TOKENS) or size"
            + " (A2A_MAX_BODY_BYTES)");
  }

  static JsonRpcException invalidRequest(String why) {
    return new JsonRpcException(JsonRpcErrorCode.INVALID_REQUEST, "Invalid Request: " + why);
  }

  /** Fails unless the root value is all there is, as {@code FAIL_ON_TRAILING_TOKENS} would. */
  private static void requireEnd(JsonParser parser) throws IOException {
    if (parser.nextToken() != null) {
      throw new JsonRpcException(
          JsonRpcErrorCode.PARSE_ERROR, "Parse error: the body holds more than one JSON value");
    }
  }
}
