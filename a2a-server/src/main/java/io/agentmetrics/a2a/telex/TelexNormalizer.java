package io.agentmetrics.a2a.telex;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.a2a.dto.FileContent;
import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
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
   * @return the query and history (a message of files only yields a query naming them), or empty
   *     when the message holds neither text nor files
   * @since 0.1.0
   */
  public Optional<NormalizedMessage> normalize(Message message) {
    String query = null;
    List<String> raw = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (Part part : message.parts()) {
      if (Part.TEXT.equals(part.kind()) && query == null) {
        String text = html.toPlainText(part.text() == null ? "" : part.text());
        if (!text.isEmpty()) {
          query = text;
        }
      } else if (Part.DATA.equals(part.kind()) && part.data() != null) {
        collectTextItems(part.data(), raw);
      } else if (Part.FILE.equals(part.kind()) && part.file() != null) {
        files.add(describe(part.file()));
      }
    }
    if (query == null && raw.isEmpty() && !files.isEmpty()) {
      // Files only: the agent reads text, so it is told what it was sent rather than refusing it.
      return Optional.of(
          new NormalizedMessage("The user sent " + String.join(", ", files) + ".", List.of()));
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

  private static String describe(FileContent file) {
    String name = file.name() == null ? "a file" : "the file '" + shortText(file.name()) + "'";
    return file.mimeType() == null ? name : name + " (" + shortText(file.mimeType()) + ")";
  }

  private static String shortText(String value) {
    String plain = value.replaceAll("\\p{Cntrl}", " ").strip();
    return plain.length() > 100 ? plain.substring(0, 100) + "..." : plain;
  }

  private void collectTextItems(JsonNode data, List<String> into) {
    Iterable<JsonNode> items = data.isArray() ? data : List.of(data);
    for (JsonNode item : items) {
      JsonNode kind = item.has("kind") ? item.get("kind") : item.get("type");
      JsonNode text = item.get("text");
      if (kind != null && Part.TEXT.equals(kind.asText()) && text != null && text.isTextual()) {
        String plain = html.toPlainText(text.asText());
        if (!plain.isEmpty()) {
          into.add(plain);
        }
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
