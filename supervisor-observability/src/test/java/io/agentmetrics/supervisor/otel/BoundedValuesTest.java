package io.agentmetrics.supervisor.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedValuesTest {

  @Test
  void admitsTheFirstValuesAndFoldsLaterOnes() {
    BoundedValues values = new BoundedValues(2);

    assertThat(values.fold("a", "x")).isEqualTo("a");
    assertThat(values.fold("b", "x")).isEqualTo("b");
    assertThat(values.fold("c", "x")).isEqualTo("x");
    assertThat(values.fold("a", "x")).isEqualTo("a");
    assertThat(values.admittedCount()).isEqualTo(2);
  }

  @Test
  void neverAdmitsMoreThanTheLimitUnderConcurrency() throws Exception {
    BoundedValues values = new BoundedValues(50);
    Set<String> returned = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 2_000; i++) {
                    returned.add(values.fold("name-" + ((i * 8 + thread) % 500), "other"));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(values.admittedCount()).isEqualTo(50);
    assertThat(returned).hasSize(51).contains("other");
  }

  @Test
  void rejectsALimitBelowOne() {
    assertThatThrownBy(() -> new BoundedValues(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1, got 0");
  }
}
