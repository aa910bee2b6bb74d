package io.agentmetrics.a2a.dto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * Builds the server's {@link ObjectMapper}s: the one for what clients send and receive, with
 * request limits enforced while parsing ({@link StreamReadConstraints}: nesting depth, string
 * length, document length and token count, so that parsing stops before a hostile document costs
 * more than its size), no silent type coercion (a number where a string belongs is an error, not a
 * string), trailing garbage rejected, unknown fields ignored so newer clients keep working; and one
 * for the JSON the stores wrote, configured alike without those limits ({@link #forStoredJson}).
 *
 * <p>The returned mappers are thread-safe once built.
 *
 * @since 0.1.0
 */
public final class JsonMappers {

  /** What {@link StreamReadConstraints} reads as no limit on a document's length or tokens. */
  private static final long NO_LIMIT = -1;

  private JsonMappers() {}

  /**
   * A configured mapper.
   *
   * @param maxNestingDepth the deepest nesting accepted
   * @param maxStringLength the longest string accepted, in characters
   * @param maxDocumentLength the longest document accepted, in bytes
   * @param maxTokenCount the most tokens (each brace, bracket, name and value) in one document
   * @return the mapper
   * @since 0.1.0
   */
  public static ObjectMapper create(
      int maxNestingDepth, int maxStringLength, long maxDocumentLength, long maxTokenCount) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxNestingDepth)
                    .maxStringLength(maxStringLength)
                    .maxDocumentLength(maxDocumentLength)
                    .maxTokenCount(maxTokenCount)
                    .build())
            .build();
    JsonMapper mapper =
        JsonMapper.builder(factory)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new BlackbirdModule())
            .build();
    for (CoercionInputShape shape :
        new CoercionInputShape[] {
          CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
        }) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    return mapper;
  }

  /**
   * A mapper for JSON the server wrote itself, such as a store's columns: configured as {@link
   * #create}'s, without the request limits. What was stored passed them on the way in, and a task
   * or a conversation, many requests long, outgrows any one request: read back under the request
   * limits, it would be lost.
   *
   * @return the mapper
   * @since 0.1.0
   */
  public static ObjectMapper forStoredJson() {
    return create(Integer.MAX_VALUE, Integer.MAX_VALUE, NO_LIMIT, NO_LIMIT);
  }
}
