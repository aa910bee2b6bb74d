package io.agentmetrics.a2a.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.junit.jupiter.api.Test;

class StoreLimitsTest {

  @Test
  void smallEntriesAreBoundedByTheirCount() {
    Cache<Integer, Long> cache = cache(new StoreLimits(10, 1_000_000));

    for (int i = 0; i < 50; i++) {
      cache.put(i, 1L);
    }
    cache.cleanUp();

    assertThat(cache.estimatedSize()).isEqualTo(10);
  }

  @Test
  void largeEntriesAreBoundedByTheirBytes() {
    // 10,000 bytes hold nine entries of 1,100 (9,900), not ten.
    Cache<Integer, Long> cache = cache(new StoreLimits(100, 10_000));

    for (int i = 0; i < 50; i++) {
      cache.put(i, 1_100L);
    }
    cache.cleanUp();

    assertThat(cache.estimatedSize()).isEqualTo(9);
  }

  @Test
  void noEntryWeighsLessThanItsShareOfTheBytes() {
    StoreLimits limits = new StoreLimits(3, 1_000);

    assertThat(limits.floor()).isEqualTo(333);
    Cache<Integer, Long> cache = cache(limits);
    for (int i = 0; i < 4; i++) {
      cache.put(i, 0L);
    }
    cache.cleanUp();
    assertThat(cache.estimatedSize()).isEqualTo(3);
  }

  @Test
  void boundsThatCannotBothHoldAreRefused() {
    assertThatThrownBy(() -> new StoreLimits(0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxEntries must be positive");
    assertThatThrownBy(() -> new StoreLimits(100, 99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBytes must be at least maxEntries (100), got 99");
  }

  private static Cache<Integer, Long> cache(StoreLimits limits) {
    return limits
        .<Integer, Long>bound(Caffeine.newBuilder(), Long::longValue)
        .executor(Runnable::run)
        .build();
  }
}
