package io.agentmetrics.a2a.jsonrpc;

/**
 * The {@code params} member of a request as {@link RequestEnvelope} found it: missing (or {@code
 * null}), some value other than an object, or an object, kept as its span of the request body so
 * that it is bound straight to the method's DTO, without a tree in between.
 *
 * @param shape which of the three it is
 * @param body the request body, for an object; never written
 * @param offset where the object starts in {@code body}
 * @param length the object's length in bytes
 */
record Params(Shape shape, byte[] body, int offset, int length) {

  static final Params MISSING = new Params(Shape.MISSING, new byte[0], 0, 0);
  static final Params NOT_AN_OBJECT = new Params(Shape.NOT_AN_OBJECT, new byte[0], 0, 0);

  /** What the request held under {@code params}. */
  enum Shape {
    MISSING,
    NOT_AN_OBJECT,
    OBJECT
  }

  /** The object spanning {@code body[from, to)}. */
  static Params object(byte[] body, int from, int to) {
    return new Params(Shape.OBJECT, body, from, to - from);
  }
}
