package io.agentmetrics.a2a.jsonrpc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * The {@code params} member of a request as {@link RequestEnvelope} found it: missing (or {@code
 * null}), some value other than an object, or an object, kept as its span of the request body so
 * that it is bound straight to the method's DTO, without a tree in between. The body of an A2A 1.0
 * HTTP+JSON request is read into the same shape by {@link #ofBody}.
 *
 * @param shape which of the three it is
 * @param body the request body, for an object; never written
 * @param offset where the object starts in {@code body}
 * @param length the object's length in bytes
 * @param tokens how many JSON tokens the object holds (its braces, names and values), as the mapper
 *     counted them while checking its token limit; {@code 0} when not an object
 * @since 0.1.0
 */
// A view of the request body, without a copy; no one compares or hashes params.
@SuppressWarnings("ArrayRecordComponent")
public record Params(Shape shape, byte[] body, int offset, int length, long tokens) {

  static final Params MISSING = new Params(Shape.MISSING, new byte[0], 0, 0, 0);
  static final Params NOT_AN_OBJECT = new Params(Shape.NOT_AN_OBJECT, new byte[0], 0, 0, 0);

  /**
   * What the request held under {@code params}.
   *
   * @since 0.1.0
   */
  public enum Shape {
    /** No {@code params}, or {@code null}. */
    MISSING,
    /** A value that is not an object. */
    NOT_AN_OBJECT,
    /** An object. */
    OBJECT
  }

  /** Checks the fields. */
  public Params {
    requireNonNull(shape, "shape");
    requireNonNull(body, "body");
  }

  /**
   * A whole request body that must be one JSON object, read in one streaming pass within the
   * mapper's limits, as {@link RequestEnvelope} reads a JSON-RPC body.
   *
   * @param mapper the server's mapper, with its parse limits
   * @param body the body
   * @return the object
   * @throws JsonRpcException {@code -32700} for a body that is empty, not JSON or not UTF-8; {@code
   *     -32600} for one beyond the mapper's limits or not an object
   * @since 0.1.0
   */
  public static Params ofBody(ObjectMapper mapper, byte[] body) {
    return JsonBody.read(
        mapper,
        body,
        (parser, root) -> {
          JsonBody.requireObject(parser, root, "the body must be a JSON object");
          return JsonBody.object(parser, body);
        });
  }

  /**
   * The object's JSON text.
   *
   * @return the text, {@code {}} when params is missing
   * @throws IllegalStateException when params is not an object
   * @since 0.1.0
   */
  public String json() {
    return switch (shape) {
      case MISSING -> "{}";
      case NOT_AN_OBJECT -> throw new IllegalStateException("params is not an object");
      case OBJECT -> new String(body, offset, length, StandardCharsets.UTF_8);
    };
  }

  /** The object spanning {@code body[from, to)}, of {@code tokens} tokens. */
  static Params object(byte[] body, int from, int to, long tokens) {
    return new Params(Shape.OBJECT, body, from, to - from, tokens);
  }
}
