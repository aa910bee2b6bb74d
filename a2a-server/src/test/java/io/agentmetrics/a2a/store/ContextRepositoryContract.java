package io.agentmetrics.a2a.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link ContextRepository} does, run against each store by a subclass. */
public abstract class ContextRepositoryContract {

  private static final Duration TTL = Duration.ofMinutes(10);

  protected final FakeTimeSource time = new FakeTimeSource();

  /** A new, empty store with these bounds, on {@code time}. */
  protected abstract ContextRepository open(
      long maxContexts, long maxBytes, Duration ttl, int maxTurns, FakeTimeSource time);

  @Test
  void turnsAreReadBackOldestFirstKeepingTheNewestWithinTheCap() {
    ContextRepository store = open(10, 1 << 20, TTL, 3, time);

    store.append("c", List.of("u1", "a1"));
    store.append("c", List.of("u2", "a2"));

    assertThat(store.history("c")).containsExactly("a1", "u2", "a2");
    assertThat(store.history("other")).isEmpty();
  }

  @Test
  void aContextUnusedForTheTimeToLiveIsGone() {
    ContextRepository store = open(10, 1 << 20, TTL, 3, time);
    store.append("kept", List.of("u1"));
    store.append("dropped", List.of("u1"));

    time.advance(TTL.minusMinutes(1));
    store.append("kept", List.of("u2"));
    time.advance(Duration.ofMinutes(2));

    assertThat(store.history("kept")).containsExactly("u1", "u2");
    assertThat(store.history("dropped")).isEmpty();
    assertThat(store.statistics().entries()).isEqualTo(1);
  }

  @Test
  void theStoreHoldsNoMoreContextsThanItsCount() {
    ContextRepository store = open(2, 1 << 20, TTL, 3, time);
    for (int i = 0; i < 4; i++) {
      store.append("c-" + i, List.of("turn"));
      time.advance(Duration.ofSeconds(1));
    }

    StoreStatistics statistics = store.statistics();
    assertThat(statistics.entries()).isEqualTo(2);
    assertThat(statistics.evictions()).isEqualTo(2);
  }

  @Test
  void theStoreHoldsNoMoreBytesThanItsWeightBound() {
    long maxBytes = 40_000;
    ContextRepository store = open(100, maxBytes, TTL, 3, time);
    for (int i = 0; i < 10; i++) {
      store.append("c-" + i, List.of("x".repeat(9_000)));
      time.advance(Duration.ofSeconds(1));
    }

    StoreStatistics statistics = store.statistics();
    assertThat(statistics.bytes()).isPositive().isLessThanOrEqualTo(maxBytes);
    assertThat(statistics.entries()).isBetween(1L, 4L);
    assertThat(statistics.evictions()).isEqualTo(10 - statistics.entries());
  }
}
