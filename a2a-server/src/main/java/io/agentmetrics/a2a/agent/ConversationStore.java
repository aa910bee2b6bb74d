package io.agentmetrics.a2a.agent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.agentmetrics.a2a.store.ContextRepository;
import io.agentmetrics.a2a.store.RetainedSize;
import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.a2a.store.StoreStatistics;
import io.agentmetrics.api.Preconditions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Conversation history per context id, bounded four ways: at most {@code maxContexts}
 * conversations, retaining at most {@code maxBytes} together (see {@link StoreLimits}; Caffeine
 * evicts those least likely to be used again), each kept for {@code ttl} after its last turn, each
 * holding at most {@code maxTurns} turns (oldest dropped first). Evictions are counted.
 *
 * <p>Thread-safe: each conversation's turns are updated atomically.
 *
 * @since 0.1.0
 */
public final class ConversationStore implements ContextRepository {

  /** A conversation's key and its entry in the cache, besides its turns. */
  private static final long ENTRY_BYTES = 128;

  private final Cache<String, List<String>> conversations;
  private final int maxTurns;
  private final LongAdder evictions = new LongAdder();

  /**
   * A store with the given bounds, on {@code ticker}.
   *
   * @param maxContexts the most conversations kept
   * @param maxBytes the most bytes all conversations may retain, at least {@code maxContexts}
   * @param ttl how long an idle conversation is kept
   * @param maxTurns the most turns kept per conversation
   * @param ticker the time the time-to-live is measured in: the server's bound clock, so that a
   *     test's fake clock moves it
   * @since 0.1.0
   */
  public ConversationStore(
      long maxContexts, long maxBytes, Duration ttl, int maxTurns, Ticker ticker) {
    this.maxTurns = Preconditions.nonNegative(maxTurns, "maxTurns");
    this.conversations =
        new StoreLimits(maxContexts, maxBytes)
            .<String, List<String>>bound(Caffeine.newBuilder(), ConversationStore::bytes)
            .expireAfterAccess(ttl)
            .ticker(ticker)
            .executor(Runnable::run)
            .removalListener(
                (@Nullable String key, @Nullable List<String> value, RemovalCause cause) -> {
                  if (cause.wasEvicted()) {
                    evictions.increment();
                  }
                })
            .build();
  }

  /**
   * The turns of {@code contextId}, oldest first.
   *
   * @param contextId the conversation
   * @return a copy of its turns, empty if unknown or expired
   * @since 0.1.0
   */
  @Override
  public List<String> history(String contextId) {
    List<String> turns = conversations.getIfPresent(contextId);
    return turns == null ? List.of() : turns;
  }

  /**
   * Appends turns to {@code contextId}, dropping the oldest beyond the cap.
   *
   * @param contextId the conversation
   * @param newTurns the turns to add, oldest first
   * @since 0.1.0
   */
  @Override
  public void append(String contextId, List<String> newTurns) {
    conversations
        .asMap()
        .compute(
            contextId,
            (id, old) -> {
              List<String> all = new ArrayList<>(old == null ? List.of() : old);
              all.addAll(newTurns);
              int from = Math.max(0, all.size() - maxTurns);
              return List.copyOf(all.subList(from, all.size()));
            });
  }

  /**
   * How many conversations were evicted for size or age.
   *
   * @return the eviction count
   * @since 0.1.0
   */
  public long evictionCount() {
    conversations.cleanUp();
    return evictions.sum();
  }

  /**
   * The bytes the conversations held retain, estimated.
   *
   * @return the sum of their weights
   * @since 0.1.0
   */
  public long bytes() {
    conversations.cleanUp();
    return conversations.asMap().values().stream().mapToLong(ConversationStore::bytes).sum();
  }

  @Override
  public StoreStatistics statistics() {
    return new StoreStatistics(size(), bytes(), evictionCount());
  }

  private static long bytes(List<String> turns) {
    return ENTRY_BYTES + RetainedSize.ofStrings(turns);
  }

  /**
   * How many conversations are held.
   *
   * @return the estimated size
   * @since 0.1.0
   */
  public long size() {
    conversations.cleanUp();
    return conversations.estimatedSize();
  }
}
