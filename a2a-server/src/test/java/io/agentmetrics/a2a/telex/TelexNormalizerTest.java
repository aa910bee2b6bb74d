package io.agentmetrics.a2a.telex;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.RawJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelexNormalizerTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "<p>hello</p>|hello",
        "Tom &amp; Jerry &lt;3|Tom & Jerry <3",
        "a&nbsp;b|a b",
        "<div>one<br>two</div>|one two",
        "\"  spread    out  \"|spread out",
        "<p>I&#39;m <b>bold</b></p>|I'm bold"
      })
  void theQueryIsPlainText(String raw, String expected) {
    NormalizedMessage normalized = new TelexNormalizer(20).normalize(message(raw)).orElseThrow();

    assertThat(normalized.query()).isEqualTo(expected);
  }

  @Test
  void newlinesAndTabsCollapseToOneSpace() {
    assertThat(new TelexNormalizer(20).normalize(message("a\n\n\tb\r\nc")).orElseThrow().query())
        .isEqualTo("a b c");
  }

  @Test
  void theDataPartIsTheConversationWithoutDuplicatesOrTheQuery() throws Exception {
    Message message =
        message(
            "what is DNA",
            data(
                "[{\"kind\":\"text\",\"text\":\"<p>hi</p>\"},"
                    + "{\"kind\":\"text\",\"text\":\"<p>hello there</p>\"},"
                    + "{\"kind\":\"text\",\"text\":\"<p>hi</p>\"},"
                    + "{\"kind\":\"data\",\"text\":\"ignored\"},"
                    + "{\"type\":\"text\",\"text\":\"<i>legacy</i>\"},"
                    + "{\"kind\":\"text\",\"text\":\"<p>what is   DNA</p>\"}]"));

    NormalizedMessage normalized = new TelexNormalizer(20).normalize(message).orElseThrow();

    assertThat(normalized.query()).isEqualTo("what is DNA");
    assertThat(normalized.history()).containsExactly("hi", "hello there", "legacy");
  }

  @Test
  void historyKeepsOnlyTheNewestEntriesUpToTheCap() throws Exception {
    Message message =
        message(
            "q",
            data(
                "[{\"kind\":\"text\",\"text\":\"1\"},{\"kind\":\"text\",\"text\":\"2\"},"
                    + "{\"kind\":\"text\",\"text\":\"3\"}]"));

    assertThat(new TelexNormalizer(2).normalize(message).orElseThrow().history())
        .containsExactly("2", "3");
    assertThat(new TelexNormalizer(0).normalize(message).orElseThrow().history()).isEmpty();
  }

  @Test
  void withoutATextPartTheNewestConversationEntryIsTheQuery() throws Exception {
    Message message =
        new Message(
            "user",
            List.of(
                data("[{\"kind\":\"text\",\"text\":\"a\"},{\"kind\":\"text\",\"text\":\"b\"}]")),
            "m",
            null,
            null,
            null,
            null,
            null);

    NormalizedMessage normalized = new TelexNormalizer(20).normalize(message).orElseThrow();

    assertThat(normalized.query()).isEqualTo("b");
    assertThat(normalized.history()).containsExactly("a");
  }

  @Test
  void aMessageWithNoTextAtAllIsNotNormalizable() {
    assertThat(new TelexNormalizer(20).normalize(message("<p> </p>"))).isEmpty();
  }

  private static Message message(String text, Part... more) {
    List<Part> parts = new java.util.ArrayList<>();
    parts.add(Part.text(text));
    parts.addAll(List.of(more));
    return new Message("user", parts, "m", null, null, null, null, null);
  }

  private static Part data(String json) throws Exception {
    return new Part("data", null, new RawJson(json), null, null);
  }
}
