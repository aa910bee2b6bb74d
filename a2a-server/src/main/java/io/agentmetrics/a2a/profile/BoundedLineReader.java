package io.agentmetrics.a2a.profile;

import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()}, but never holds more than {@code
 * maxChars} of one line: the rest of a longer line is skipped and the line is counted as oversized,
 * so a log with a runaway line cannot exhaust memory.
 *
 * <p>Not thread-safe.
 */
final class BoundedLineReader {

  private final Reader in;
  private final int maxChars;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private long oversized;
  private boolean endOfInput;

  BoundedLineReader(Reader in, int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive, got " + maxChars);
    }
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line without its terminator, or null at the end of input. */
  @Nullable String readLine() throws IOException {
    while (true) {
      StringBuilder line = new StringBuilder();
      boolean tooLong = false;
      boolean sawAny = false;
      while (true) {
        if (position == limit && !fill()) {
          if (!sawAny) {
            return null;
          }
          break;
        }
        sawAny = true;
        char c = buffer[position++];
        if (c == '\n') {
          break;
        }
        if (c == '\r') {
          if ((position < limit || fill()) && buffer[position] == '\n') {
            position++;
          }
          break;
        }
        if (line.length() < maxChars) {
          line.append(c);
        } else {
          tooLong = true;
        }
      }
      if (!tooLong) {
        return line.toString();
      }
      oversized++;
    }
  }

  /** Lines skipped because they were longer than the limit. */
  long oversized() {
    return oversized;
  }

  private boolean fill() throws IOException {
    if (endOfInput) {
      return false;
    }
    int read = in.read(buffer, 0, buffer.length);
    if (read <= 0) {
      endOfInput = read < 0;
      return !endOfInput && fill();
    }
    position = 0;
    limit = read;
    return true;
  }
}
