package io.agentmetrics.a2a.telex;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.agentmetrics.a2a.dto.FileContent;
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
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Reads A2A messages, including Telex's shape, in two steps that match the seed's two stages.
 *
 * <ul>
 *   <li>{@link #normalize} ({@code message_normalization}, on the request thread): collects the
 *       text parts and the conversation, the array of text items Telex sends in a {@code data}
 *       part. Items may use the legacy {@code type} key instead of {@code kind}. It only reads the
 *       structure, so a message without any text is refused before a task exists.
 *   <li>{@link #extractText} ({@code text_extraction}, in the agent): turns that text into plain
 *       text (tags stripped, entities unescaped, whitespace collapsed). The first text part with
 *       text left is the query; the conversation, without entries that repeat an earlier one or the
 *       query, is the history, of which the newest {@code maxHistory} are kept.
 * </ul>
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
  private final UnaryOperator<String> toPlainText;

  /**
   * A normalizer keeping at most {@code maxHistory} history entries.
   *
   * @param maxHistory the history cap, {@code 0} to drop history
   * @throws IllegalArgumentException if {@code maxHistory} is negative
   * @since 0.1.0
   */
  public TelexNormalizer(int maxHistory) {
    this(maxHistory, new HtmlText()::toPlainText);
  }

  /** A normalizer converting each snippet with {@code toPlainText}; tests count the conversions. */
  TelexNormalizer(int maxHistory, UnaryOperator<String> toPlainText) {
    if (maxHistory < 0) {
      throw new IllegalArgumentException("maxHistory must not be negative, got " + maxHistory);
    }
    this.maxHistory = maxHistory;
    this.toPlainText = toPlainText;
  }

  /**
   * Collects the text of {@code message}, without converting it.
   *
   * @param message a validated message
   * @return its text parts and conversation (a message of files only yields one text naming them),
   *     or empty when the message holds neither text nor files
   * @since 0.1.0
   */
  public Optional<NormalizedMessage> normalize(Message message) {
    List<String> texts = new ArrayList<>();
    List<String> conversation = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (Part part : message.parts()) {
      if (Part.TEXT.equals(part.kind())) {
        addIfNotBlank(part.text(), texts);
      } else if (Part.DATA.equals(part.kind()) && part.data() != null) {
        collectTextItems(part.data(), conversation);
      } else if (Part.FILE.equals(part.kind()) && part.file() != null) {
        files.add(describe(part.file()));
      }
    }
    if (texts.isEmpty() && conversation.isEmpty() && !files.isEmpty()) {
      // Files only: the agent reads text, so it is told what it was sent rather than refusing it.
      texts.add("The user sent " + String.join(", ", files) + ".");
    }
    return texts.isEmpty() && conversation.isEmpty()
        ? Optional.empty()
        : Optional.of(new NormalizedMessage(texts, conversation));
  }

  private static String describe(FileContent file) {
    String name = file.name() == null ? "a file" : "the file '" + shortText(file.name()) + "'";
    return file.mimeType() == null ? name : name + " (" + shortText(file.mimeType()) + ")";
  }

  private static String shortText(String value) {
    String plain = value.replaceAll("\\p{Cntrl}", " ").strip();
    return plain.length() > 100 ? plain.substring(0, 100) + "..." : plain;
  }

  /**
   * Turns a normalized message into the plain query and history the agent asks the model.
   *
   * @param message the normalized message
   * @return the query and history, or empty when no text is left once the HTML is removed
   * @since 0.1.0
   */
  public Optional<MessageText> extractText(NormalizedMessage message) {
    String query = null;
    for (String text : message.texts()) {
      String plain = toPlainText.apply(text);
      if (!plain.isEmpty()) {
        query = plain;
        break;
      }
    }
    List<String> history = new ArrayList<>();
    for (String entry : message.conversation()) {
      String plain = toPlainText.apply(entry);
      if (!plain.isEmpty()) {
        history.add(plain);
      }
    }
    if (query == null) {
      if (history.isEmpty()) {
        return Optional.empty();
      }
      // Without a text part, the newest conversation entry is the question being asked.
      query = history.remove(history.size() - 1);
    }
    return Optional.of(new MessageText(query, newestUnique(history, query)));
  }

  /**
   * Adds the text of each text item of {@code data} (an array of items, or one item), reading the
   * JSON token by token: an item counts when its {@code kind} (or, without one, its {@code type})
   * is {@code "text"} and its {@code text} is a string; anything else is skipped.
   */
  private static void collectTextItems(RawJson data, List<String> into) {
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
  private static void collectTextItem(JsonParser parser, List<String> into) throws IOException {
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
    if (Part.TEXT.equals(hasKind ? kind : type)) {
      addIfNotBlank(text, into);
    }
  }

  private static void addIfNotBlank(@Nullable String text, List<String> into) {
    if (text != null && !text.isBlank()) {
      into.add(text);
    }
  }

  private List<String> newestUnique(List<String> history, String query) {
    Set<String> unique = new LinkedHashSet<>(history);
    unique.remove(query);
    List<String> all = new ArrayList<>(unique);
    return all.size() <= maxHistory ? all : all.subList(all.size() - maxHistory, all.size());
  }
}
