package io.agentmetrics.a2a.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConversationStoreTest {

  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;

  @Test
  void eachConversationKeepsOnlyItsNewestTurns() {
    ConversationStore store = new ConversationStore(10, 1 << 20, Duration.ofMinutes(5), 3, ticker);

    store.append("c1", List.of("a", "b"));
    store.append("c1", List.of("c", "d"));

    assertThat(store.history("c1")).containsExactly("b", "c", "d");
    assertThat(store.history("other")).isEmpty();
  }

  @Test
  void idleConversationsExpireAndTheEvictionIsCounted() {
    ConversationStore store = new ConversationStore(10, 1 << 20, Duration.ofMinutes(5), 3, ticker);
    store.append("c1", List.of("a"));

    nanos.addAndGet(Duration.ofMinutes(6).toNanos());

    assertThat(store.history("c1")).isEmpty();
    assertThat(store.evictionCount()).isEqualTo(1);
  }

  @Test
  void theStoreIsBoundedBySizeAndCountsWhatItEvicts() {
    ConversationStore store = new ConversationStore(2, 1 << 20, Duration.ofMinutes(5), 3, ticker);

    for (int i = 0; i < 50; i++) {
      store.append("c" + i, List.of("turn"));
    }

    assertThat(store.evictionCount()).isEqualTo(48);
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void theStoreIsBoundedByTheBytesItsConversationsRetain() {
    // A conversation of one 1,000-character turn: entry 128, list 48, string 24 + 1,016 = 1,216.
    // 10,000 bytes hold eight of them (9,728), not nine.
    ConversationStore store = new ConversationStore(100, 10_000, Duration.ofMinutes(5), 3, ticker);

    for (int i = 0; i < 20; i++) {
      store.append("c" + i, List.of("x".repeat(1_000)));
    }

    assertThat(store.size()).isEqualTo(8);
    assertThat(store.bytes()).isEqualTo(8 * 1_216);
    assertThat(store.evictionCount()).isEqualTo(12);
  }

  @Test
  void theSizeLeavesOutExpiredConversations() {
    ConversationStore store = new ConversationStore(10, 1 << 20, Duration.ofMinutes(5), 3, ticker);
    store.append("c1", List.of("a"));
    store.append("c2", List.of("b"));

    nanos.addAndGet(Duration.ofMinutes(6).toNanos());

    assertThat(store.size()).isZero();
  }
}
