package io.agentmetrics.a2a.dto;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One part of a message or artifact: {@code text}, {@code data} or {@code file}, told apart by
 * {@code kind}. The legacy key {@code type} (older A2A drafts and Telex) is accepted for {@code
 * kind}.
 *
 * <p>{@code data} is kept as JSON text, whatever its shape: Telex sends an array there where the
 * specification has an object.
 *
 * @param kind {@code text}, {@code data} or {@code file}
 * @param text the text of a {@code text} part
 * @param data the payload of a {@code data} part
 * @param file the file of a {@code file} part
 * @param metadata optional metadata
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Part(
    @JsonAlias("type") String kind,
    @Nullable String text,
    @Nullable RawJson data,
    @Nullable FileContent file,
    @Nullable RawJson metadata) {

  /** The {@code kind} of a text part. */
  public static final String TEXT = "text";

  /** The {@code kind} of a data part. */
  public static final String DATA = "data";

  /** The {@code kind} of a file part. */
  public static final String FILE = "file";

  /** Checks that {@code kind} is known and that the matching payload is present. */
  public Part {
    Require.nonBlank(kind, "kind");
    switch (kind) {
      case TEXT -> Require.present(text, "text");
      case DATA -> Require.present(data, "data");
      case FILE -> Require.present(file, "file");
      default ->
          throw new IllegalArgumentException(
              "kind must be one of text, data, file, got '" + Sanitize.shortValue(kind) + "'");
    }
  }

  /**
   * A text part.
   *
   * @param text the text
   * @return a part of kind {@code text}
   * @since 0.1.0
   */
  public static Part text(String text) {
    return new Part(TEXT, text, null, null, null);
  }
}
