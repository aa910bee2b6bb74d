package io.agentmetrics.a2a.telex;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.RawJson;
import java.util.ArrayList;
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
    assertThat(text(new TelexNormalizer(20), message(raw)).query()).isEqualTo(expected);
  }

  @Test
  void newlinesAndTabsCollapseToOneSpace() {
    assertThat(text(new TelexNormalizer(20), message("a\n\n\tb\r\nc")).query()).isEqualTo("a b c");
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

    MessageText text = text(new TelexNormalizer(20), message);

    assertThat(text.query()).isEqualTo("what is DNA");
    assertThat(text.history()).containsExactly("hi", "hello there", "legacy");
  }

  @Test
  void historyKeepsOnlyTheNewestEntriesUpToTheCap() throws Exception {
    Message message =
        message(
            "q",
            data(
                "[{\"kind\":\"text\",\"text\":\"1\"},{\"kind\":\"text\",\"text\":\"2\"},"
                    + "{\"kind\":\"text\",\"text\":\"3\"}]"));

    assertThat(text(new TelexNormalizer(2), message).history()).containsExactly("2", "3");
    assertThat(text(new TelexNormalizer(0), message).history()).isEmpty();
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

    MessageText text = text(new TelexNormalizer(20), message);

    assertThat(text.query()).isEqualTo("b");
    assertThat(text.history()).containsExactly("a");
  }

  @Test
  void aMessageWithNoTextAtAllIsNotNormalizable() {
    assertThat(new TelexNormalizer(20).normalize(message(" \n\t "))).isEmpty();
  }

  @Test
  void aMessageThatIsAllMarkupIsNormalizedButHasNoTextToExtract() {
    TelexNormalizer normalizer = new TelexNormalizer(20);

    NormalizedMessage normalized = normalizer.normalize(message("<p> </p>")).orElseThrow();

    assertThat(normalizer.extractText(normalized)).isEmpty();
  }

  @Test
  void normalizingOnlyCollectsTheTextAndExtractingConvertsEachPartAndEntry() throws Exception {
    List<String> converted = new ArrayList<>();
    TelexNormalizer normalizer =
        new TelexNormalizer(
            20,
            html -> {
              converted.add(html);
              return new HtmlText().toPlainText(html);
            });
    Message message =
        message(
            "<b>what</b> is DNA",
            data(
                "[{\"kind\":\"text\",\"text\":\"<p>hi</p>\"},"
                    + "{\"kind\":\"text\",\"text\":\"  \"},"
                    + "{\"kind\":\"text\",\"text\":\"<p>hi</p>\"}]"));

    NormalizedMessage normalized = normalizer.normalize(message).orElseThrow();

    assertThat(converted).as("message_normalization converts nothing").isEmpty();
    assertThat(normalized.texts()).containsExactly("<b>what</b> is DNA");
    assertThat(normalized.conversation()).containsExactly("<p>hi</p>", "<p>hi</p>");

    MessageText text = normalizer.extractText(normalized).orElseThrow();

    assertThat(converted).containsExactly("<b>what</b> is DNA", "<p>hi</p>", "<p>hi</p>");
    assertThat(text).isEqualTo(new MessageText("what is DNA", List.of("hi")));
  }

  private static MessageText text(TelexNormalizer normalizer, Message message) {
    return normalizer.normalize(message).flatMap(normalizer::extractText).orElseThrow();
  }

  @Test
  void aMessageOfFilesOnlyTellsTheAgentWhatWasSent() {
    Message files =
        new Message(
            "user",
            List.of(
                new Part(
                    "file",
                    null,
                    null,
                    new io.agentmetrics.a2a.dto.FileContent(
                        "report.pdf", "application/pdf", null, "https://example.com/r.pdf"),
                    null)),
            "m",
            null,
            null,
            null,
            null,
            null);

    assertThat(text(new TelexNormalizer(20), files).query())
        .isEqualTo("The user sent the file 'report.pdf' (application/pdf).");
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
