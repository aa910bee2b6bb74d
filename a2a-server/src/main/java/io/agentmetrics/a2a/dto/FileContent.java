package io.agentmetrics.a2a.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The file of a {@code file} part: inline base64 {@code bytes} or a {@code uri}.
 *
 * @param name optional file name
 * @param mimeType optional media type
 * @param bytes base64 content, when inline
 * @param uri where the content lives, when not inline
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileContent(
    @Nullable String name,
    @Nullable String mimeType,
    @Nullable String bytes,
    @Nullable String uri) {

  /**
   * Checks that exactly one of {@code bytes} and {@code uri} is given, and that {@code bytes} is
   * base64: the A2A 1.0 rendering of a stored task decodes it, and must not fail for every reader.
   */
  public FileContent {
    if ((bytes == null) == (uri == null)) {
      throw new IllegalArgumentException("file needs exactly one of bytes or uri");
    }
    Require.base64(bytes, "bytes");
  }
}
