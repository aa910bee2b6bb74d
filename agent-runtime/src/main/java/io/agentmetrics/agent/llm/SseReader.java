package io.agentmetrics.agent.llm;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads server-sent events from a byte stream, as the HTML Living Standard's event-stream parsing
 * describes, for both HTTP clients of this package.
 *
 * <p>Lines are split on the bytes CR, LF and CRLF before any decoding. Those bytes never occur
 * inside a multi-byte UTF-8 sequence, so a chunk boundary anywhere (mid-line, mid-character,
 * between CR and LF) cannot corrupt text. An event still incomplete at the end of the stream is
 * dropped, as the standard says, so that a cut connection never yields half a JSON document.
 *
 * <p>Not thread-safe: one reader per stream, used by one thread at a time.
 */
final class SseReader {

  /** Lines longer than this are a protocol error rather than a reason to exhaust memory. */
  static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;
  private byte[] line = new byte[1024];
  private int lineLength;
  private boolean skipLineFeed;
  private boolean firstLine = true;
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private String type = SseEvent.DEFAULT_TYPE;

  SseReader(InputStream in) {
    this.in = in;
  }

  /**
   * The next event, or null at the end of the stream.
   *
   * @throws IOException if reading fails or a line exceeds {@link #MAX_LINE_BYTES}
   */
  @Nullable SseEvent next() throws IOException {
    String text;
    while ((text = readLine()) != null) {
      if (text.isEmpty()) {
        if (hasData) {
          SseEvent event = new SseEvent(type, data.toString());
          resetEvent();
          return event;
        }
        resetEvent();
      } else if (text.charAt(0) != ':') {
        field(text);
      }
    }
    return null;
  }

  private void field(String text) {
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    String value = "";
    if (colon >= 0) {
      int start = colon + 1;
      if (start < text.length() && text.charAt(start) == ' ') {
        start++;
      }
      value = text.substring(start);
    }
    switch (name) {
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      case "event" -> type = value.isEmpty() ? SseEvent.DEFAULT_TYPE : value;
      default -> {
        // "id", "retry" and unknown fields matter only to reconnecting EventSource clients.
      }
    }
  }

  private void resetEvent() {
    data.setLength(0);
    hasData = false;
    type = SseEvent.DEFAULT_TYPE;
  }

  /** The next line without its terminator, or null at the end of the stream. */
  private @Nullable String readLine() throws IOException {
    lineLength = 0;
    while (true) {
      if (position == limit) {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
          // A final line without a terminator cannot complete an event, so it is dropped.
          return null;
        }
        position = 0;
        limit = read;
        continue;
      }
      byte b = buffer[position++];
      if (skipLineFeed) {
        skipLineFeed = false;
        if (b == '\n') {
          continue;
        }
      }
      if (b == '\n' || b == '\r') {
        skipLineFeed = b == '\r';
        return decodeLine();
      }
      append(b);
    }
  }

  private void append(byte b) throws IOException {
    if (lineLength == line.length) {
      if (line.length >= MAX_LINE_BYTES) {
        throw new IOException("event-stream line longer than " + MAX_LINE_BYTES + " bytes");
      }
      line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
    }
    line[lineLength++] = b;
  }

  private String decodeLine() {
    int start = 0;
    if (firstLine) {
      firstLine = false;
      if (lineLength >= 3
          && line[0] == (byte) 0xEF
          && line[1] == (byte) 0xBB
          && line[2] == (byte) 0xBF) {
        start = 3;
      }
    }
    return new String(line, start, lineLength - start, UTF_8);
  }
}
