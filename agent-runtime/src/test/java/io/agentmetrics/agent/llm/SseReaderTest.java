package io.agentmetrics.agent.llm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SseReaderTest {

  private static final String STREAM =
      """
      : keep-alive comment
      data: {"text":"héllo 日本 📚"}

      event: delta
      data: first line
      data:second line
      id: 7
      retry: 1000

      data: [DONE]

      """;

  static Stream<Arguments> chunkSizesAndLineEndings() {
    List<Arguments> cases = new ArrayList<>();
    for (String ending : List.of("\n", "\r\n", "\r")) {
      for (int size : new int[] {1, 2, 3, 4, 5, 7, 11, 8192}) {
        cases.add(Arguments.of(size, ending));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "chunks of {0} bytes, line ending {1}")
  @MethodSource("chunkSizesAndLineEndings")
  void eventsAreTheSameWhereverChunksSplitAndWhicheverLineEndingIsUsed(int size, String ending)
      throws IOException {
    String stream = STREAM.replace("\n", ending);

    List<SseEvent> events = readAll(new ChunkedInputStream(stream.getBytes(UTF_8), size));

    assertThat(events)
        .containsExactly(
            new SseEvent("message", "{\"text\":\"héllo 日本 📚\"}"),
            new SseEvent("delta", "first line\nsecond line"),
            new SseEvent("message", "[DONE]"));
  }

  @Test
  void eventWithoutItsBlankLineAtTheEndOfTheStreamIsDropped() throws IOException {
    List<SseEvent> events = readAll(stream("data: complete\n\ndata: {\"cut\": tr"));

    assertThat(events).containsExactly(new SseEvent("message", "complete"));
  }

  @Test
  void blankLinesWithoutDataDispatchNothing() throws IOException {
    assertThat(readAll(stream("\n\nevent: ping\n\n: comment\n\n"))).isEmpty();
  }

  @Test
  void leadingByteOrderMarkIsIgnored() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "data: x\n\n".getBytes(UTF_8);
    byte[] both = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, both, 0, bom.length);
    System.arraycopy(body, 0, both, bom.length, body.length);

    assertThat(readAll(new ByteArrayInputStream(both)))
        .containsExactly(new SseEvent("message", "x"));
  }

  @Test
  void fieldWithoutColonIsAFieldWithEmptyValue() throws IOException {
    assertThat(readAll(stream("data\n\n"))).containsExactly(new SseEvent("message", ""));
  }

  @Test
  void lineLongerThanTheLimitFailsInsteadOfExhaustingMemory() {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'a';
          }
        };

    assertThatThrownBy(() -> new SseReader(endless).next())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("longer than");
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(UTF_8));
  }

  private static List<SseEvent> readAll(InputStream in) throws IOException {
    SseReader reader = new SseReader(in);
    List<SseEvent> events = new ArrayList<>();
    SseEvent event;
    while ((event = reader.next()) != null) {
      events.add(event);
    }
    return events;
  }

  /** Returns at most {@code size} bytes per read, as a network would. */
  private static final class ChunkedInputStream extends InputStream {
    private final byte[] data;
    private final int size;
    private int position;

    ChunkedInputStream(byte[] data, int size) {
      this.data = data;
      this.size = size;
    }

    @Override
    public int read() {
      return position < data.length ? data[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, size), data.length - position);
      System.arraycopy(data, position, b, off, n);
      position += n;
      return n;
    }
  }
}
