package io.agentmetrics.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Per-thread stripes: a power of two of them, each object made once, on first use. */
class StripesTest {

  @Test
  void theCountIsRoundedUpToAPowerOfTwoAndAtMost64() {
    assertThat(new Stripes<>(1, Object::new).count()).isEqualTo(1);
    assertThat(new Stripes<>(2, Object::new).count()).isEqualTo(2);
    assertThat(new Stripes<>(3, Object::new).count()).isEqualTo(4);
    assertThat(new Stripes<>(1_000, Object::new).count()).isEqualTo(64);
  }

  @Test
  void aStripeIsMadeOnFirstUseAndKept() {
    Stripes<Object> stripes = new Stripes<>(1, Object::new);
    assertThat(stripes.get(0)).isNull();

    Object first = stripes.current();

    assertThat(stripes.current()).isSameAs(first);
    assertThat(stripes.get(0)).isSameAs(first);
  }

  /** Eight threads on one stripe, all asking at once: every one gets the same object. */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void threadsRacingForAStripeShareOneObject() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 500; round++) {
        Stripes<Object> stripes = new Stripes<>(1, Object::new);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<Object>> taken = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          taken.add(
              pool.submit(
                  () -> {
                    start.await();
                    return stripes.current();
                  }));
        }
        for (Future<Object> each : taken) {
          assertThat(each.get()).as("round %d", round).isSameAs(stripes.get(0));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
