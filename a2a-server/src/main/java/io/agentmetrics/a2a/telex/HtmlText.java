package io.agentmetrics.a2a.telex;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** Turns HTML snippets into plain text: tags stripped, entities unescaped, whitespace collapsed. */
final class HtmlText {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private HtmlText() {}

  static String toPlainText(String html) {
    // Most parts are plain text; skip the HTML parser unless markup or entities can be present.
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return WHITESPACE.matcher(html).replaceAll(" ").strip();
    }
    return WHITESPACE.matcher(Jsoup.parseBodyFragment(html).text()).replaceAll(" ").strip();
  }
}
