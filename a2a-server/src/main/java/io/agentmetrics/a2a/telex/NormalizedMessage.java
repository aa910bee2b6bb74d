package io.agentmetrics.a2a.telex;

import java.util.List;

/**
 * A message in the one shape the agent reads, whatever shape it was sent in (plain A2A, or Telex
 * with its conversation in a {@code data} part): its text, still as sent, so it may hold HTML. The
 * agent turns it into plain text in its {@code text_extraction} stage, with {@link
 * TelexNormalizer#extractText}.
 *
 * @param texts the non-blank text of each text part, in order
 * @param conversation the non-blank text of each text entry of the data parts, oldest first
 * @since 0.1.0
 */
public record NormalizedMessage(List<String> texts, List<String> conversation) {

  /** Copies the lists and checks that there is some text. */
  public NormalizedMessage {
    texts = List.copyOf(texts);
    conversation = List.copyOf(conversation);
    if (texts.isEmpty() && conversation.isEmpty()) {
      throw new IllegalArgumentException(
          "a normalized message needs a text or a conversation entry");
    }
  }
}
