package io.agentmetrics.a2a.telex;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.RawJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Normalizes A2A messages, including Telex's shape: the first text part is the query; a {@code
 * data} part holding an array of text parts (with HTML) is the conversation. Text is stripped of
 * tags, unescaped and whitespace-collapsed; history entries that repeat an earlier entry or the
 * query are dropped, and only the newest {@code maxHistory} are kept. Items may use the legacy
 * {@code type} key instead of {@code kind}.
 *
 * <p>Thread-safe. The text of HTML snippets is cached, bounded to {@value
 * HtmlText#MAX_CACHED_CHARS} characters, since Telex resends the conversation with every turn.
 *
 * @since 0.1.0
 */
public final class TelexNormalizer {

  /** Reads data parts, which the server's mapper has already parsed within its limits once. */
  private static final JsonFactory DATA = new JsonFactory();

  private final int maxHistory;
  private final HtmlText html = new HtmlText();

  /**
   * A normalizer keeping at most {@code maxHistory} history entries.
   *
   * @param maxHistory the history cap, {@code 0} to drop history
   * @throws IllegalArgumentException if {@code maxHistory} is negative
   * @since 0.1.0
   */
  public TelexNormalizer(int maxHistory) {
    if (maxHistory < 0) {
      throw new IllegalArgumentException("maxHistory must not be negative, got " + maxHistory);
    }
    this.maxHistory = maxHistory;
  }

  /**
   * Normalizes {@code message}.
   *
   * @param message a validated message
   * @return the query and history, or empty when the message holds no text at all
   * @since 0.1.0
   */
  public Optional<NormalizedMessage> normalize(Message message) {
    String query = null;
    List<String> raw = new ArrayList<>();
    for (Part part : message.parts()) {
      if (Part.TEXT.equals(part.kind()) && query == null) {
        String text = html.toPlainText(part.text() == null ? "" : part.text());
        if (!text.isEmpty()) {
          query = text;
        }
      } else if (Part.DATA.equals(part.kind()) && part.data() != null) {
        collectTextItems(part.data(), raw);
      }
    }
    if (query == null) {
      if (raw.isEmpty()) {
        return Optional.empty();
      }
      // Without a text part, the newest conversation entry is the question being asked.
      query = raw.remove(raw.size() - 1);
    }
    return Optional.of(new NormalizedMessage(query, history(raw, query)));
  }

  /**
   * Adds the text of each text item of {@code data} (an array of items, or one item), reading the
   * JSON token by token: an item counts when its {@code kind} (or, without one, its {@code type})
   * is {@code "text"} and its {@code text} is a string; anything else is skipped.
   */
  private void collectTextItems(RawJson data, List<String> into) {
    try (JsonParser parser = DATA.createParser(data.json())) {
      JsonToken root = parser.nextToken();
      if (root == JsonToken.START_OBJECT) {
        collectTextItem(parser, into);
      } else if (root == JsonToken.START_ARRAY) {
        for (JsonToken item = parser.nextToken();
            item != JsonToken.END_ARRAY;
            item = parser.nextToken()) {
          if (item == JsonToken.START_OBJECT) {
            collectTextItem(parser, into);
          } else {
            parser.skipChildren();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a data part that was parsed once cannot be read again", e);
    }
  }

  /** Reads one item object, the parser at its start; later duplicate keys win, as in a tree. */
  private void collectTextItem(JsonParser parser, List<String> into) throws IOException {
    boolean hasKind = false;
    String kind = null;
    String type = null;
    String text = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      String string = value == JsonToken.VALUE_STRING ? parser.getText() : null;
      switch (name) {
        case "kind" -> {
          hasKind = true;
          kind = string;
        }
        case "type" -> type = string;
        case "text" -> text = string;
      }
      parser.skipChildren();
    }
    if (Part.TEXT.equals(hasKind ? kind : type) && text != null) {
      String plain = html.toPlainText(text);
      if (!plain.isEmpty()) {
        into.add(plain);
      }
    }
  }

  private List<String> history(List<String> raw, String query) {
    Set<String> unique = new LinkedHashSet<>(raw);
    unique.remove(query);
    List<String> all = new ArrayList<>(unique);
    return all.size() <= maxHistory ? all : all.subList(all.size() - maxHistory, all.size());
  }
}
