package io.agentmetrics.a2a.telex;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Turns HTML snippets into plain text: tags stripped, entities unescaped, whitespace collapsed.
 *
 * <p>Telex resends the whole conversation with every turn, so the same snippets come back again and
 * again; their text is cached, up to {@value #MAX_CACHED_CHARS} characters of snippets and text in
 * all (least recently used dropped first), which spares a full HTML parse for each of them on each
 * turn. Plain text skips both the parser and the cache.
 *
 * <p>Thread-safe.
 */
final class HtmlText {

  static final long MAX_CACHED_CHARS = 1_000_000;

  /** Whitespace that is not already a single space: a text with none is returned uncopied. */
  private static final Pattern WHITESPACE_TO_COLLAPSE = Pattern.compile("\\s{2,}|[\\s&&[^ ]]");

  private final Cache<String, String> converted =
      Caffeine.newBuilder()
          .maximumWeight(MAX_CACHED_CHARS)
          .weigher((String html, String text) -> html.length() + text.length())
          .executor(Runnable::run)
          .build();

  String toPlainText(String html) {
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return collapseWhitespace(html);
    }
    return converted.get(html, HtmlText::parse);
  }

  /** How many snippets are cached. */
  long cachedSnippets() {
    converted.cleanUp();
    return converted.estimatedSize();
  }

  private static String parse(String html) {
    return collapseWhitespace(Jsoup.parseBodyFragment(html).text());
  }

  private static String collapseWhitespace(String text) {
    return WHITESPACE_TO_COLLAPSE.matcher(text).replaceAll(" ").strip();
  }
}
