package io.agentmetrics.a2a.telex;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The plain text of a message, as the agent asks the model: the query and the earlier turns.
 *
 * @param query the user's question, never blank
 * @param history earlier turns, oldest first, without duplicates
 * @since 0.1.0
 */
public record MessageText(String query, List<String> history) {

  /** Checks the query and copies the history. */
  public MessageText {
    requireNonNull(query, "query");
    if (query.isBlank()) {
      throw new IllegalArgumentException("query must not be blank");
    }
    history = List.copyOf(history);
  }
}
