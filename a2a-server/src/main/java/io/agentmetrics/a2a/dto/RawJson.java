package io.agentmetrics.a2a.dto;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A free-form JSON value a client sent (the {@code data} of a data part, any {@code metadata}),
 * kept as its JSON text. Stored tasks hold these for as long as the task lives, and the text is the
 * compact form: a tree of nodes for {@code [{},{},...]} takes some 30 times the bytes of the text.
 * The value is read token by token into the text, numbers exactly as sent, and written back
 * verbatim.
 *
 * @param json the value as JSON text
 * @since 0.1.0
 */
@JsonSerialize(using = RawJson.Writer.class)
@JsonDeserialize(using = RawJson.Reader.class)
public record RawJson(String json) {

  private static final JsonFactory COPIER = new JsonFactory();

  /** Checks that the text is present. */
  public RawJson {
    Require.nonBlank(json, "json");
  }

  /** Copies the value the parser is at into its JSON text. */
  static final class Reader extends StdDeserializer<RawJson> {

    private static final long serialVersionUID = 1L;

    Reader() {
      super(RawJson.class);
    }

    @Override
    public RawJson deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      try (ByteArrayBuilder text = new ByteArrayBuilder()) {
        try (JsonGenerator copy = COPIER.createGenerator(text, JsonEncoding.UTF8)) {
          int depth = 0;
          do {
            JsonToken token = parser.currentToken();
            copy.copyCurrentEventExact(parser);
            if (token.isStructStart()) {
              depth++;
            } else if (token.isStructEnd()) {
              depth--;
            }
          } while (depth > 0 && parser.nextToken() != null);
        }
        return new RawJson(new String(text.toByteArray(), StandardCharsets.UTF_8));
      }
    }
  }

  /** Writes the JSON text as it is. */
  static final class Writer extends StdSerializer<RawJson> {

    private static final long serialVersionUID = 1L;

    Writer() {
      super(RawJson.class);
    }

    @Override
    public void serialize(RawJson value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeRawValue(value.json());
    }
  }
}
