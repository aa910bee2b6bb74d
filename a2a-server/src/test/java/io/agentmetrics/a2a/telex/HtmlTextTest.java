package io.agentmetrics.a2a.telex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  private final HtmlText html = new HtmlText();

  @Test
  void markupAndEntitiesBecomePlainTextWithCollapsedWhitespace() {
    assertThat(html.toPlainText("<p>Hi! I&#39;m <b>Studly</b>,&nbsp;your\n\n buddy.</p>"))
        .isEqualTo("Hi! I'm Studly, your buddy.");
    assertThat(html.toPlainText("  plain \t text  ")).isEqualTo("plain text");
    assertThat(html.toPlainText("one\ttab,\rone\nbreak")).isEqualTo("one tab, one break");
  }

  @Test
  void eachSnippetIsParsedOnceAndPlainTextIsNotCached() {
    for (int turn = 0; turn < 3; turn++) {
      assertThat(html.toPlainText("<p>hello</p>")).isEqualTo("hello");
      assertThat(html.toPlainText("<p>what is <i>photosynthesis</i></p>"))
          .isEqualTo("what is photosynthesis");
      assertThat(html.toPlainText("plain")).isEqualTo("plain");
    }

    assertThat(html.cachedSnippets()).isEqualTo(2);
  }

  @Test
  void theCacheStaysWithinItsCharacterBound() {
    String padding = "x".repeat(10_000);
    for (int i = 0; i < 500; i++) {
      assertThat(html.toPlainText("<p>" + i + padding + "</p>")).startsWith(Integer.toString(i));
    }

    // Each snippet weighs about 20,000 characters: its HTML and its text.
    assertThat(html.cachedSnippets())
        .isLessThanOrEqualTo(HtmlText.MAX_CACHED_CHARS / 20_000)
        .isPositive();
  }
}
