package io.agentmetrics.a2a.store;

import java.util.List;

/**
 * The conversation history of each context id, the turns an agent reads back: in this process (the
 * default) or in a database that several server replicas share. Each context keeps at most a fixed
 * number of turns, the newest; contexts are bounded by count, retained bytes and a time-to-live
 * after their last use.
 *
 * <p>Implementations are thread-safe: each context's turns are updated atomically. A store that
 * cannot be reached throws {@link StoreUnavailableException}.
 *
 * @since 0.1.0
 */
public interface ContextRepository {

  /**
   * The turns of {@code contextId}, oldest first.
   *
   * @param contextId the conversation
   * @return its turns, empty if unknown or expired
   * @since 0.1.0
   */
  List<String> history(String contextId);

  /**
   * Appends turns to {@code contextId}, dropping the oldest beyond the cap.
   *
   * @param contextId the conversation
   * @param newTurns the turns to add, oldest first
   * @since 0.1.0
   */
  void append(String contextId, List<String> newTurns);

  /**
   * What the store holds now, after letting go what its bounds exclude.
   *
   * @return the statistics
   * @since 0.1.0
   */
  StoreStatistics statistics();
}
