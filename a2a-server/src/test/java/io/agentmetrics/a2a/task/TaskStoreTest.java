package io.agentmetrics.a2a.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TaskStoreTest {

  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;

  @Test
  void theStoreIsBoundedBySizeAndCountsWhatItEvicts() {
    TaskStore store = new TaskStore(3, Duration.ofMinutes(5), ticker);

    for (int i = 0; i < 10; i++) {
      store.put(new TaskRecord("t" + i, "ctx", Instant.EPOCH));
    }

    assertThat(store.size()).isEqualTo(3);
    assertThat(store.evictionCount()).isEqualTo(7);
  }

  @Test
  void idleTasksExpireAndAreNeitherFoundNorCounted() {
    TaskStore store = new TaskStore(10, Duration.ofMinutes(5), ticker);
    store.put(new TaskRecord("t1", "ctx", Instant.EPOCH));

    nanos.addAndGet(Duration.ofMinutes(6).toNanos());

    assertThat(store.size()).isZero();
    assertThatThrownBy(() -> store.get("t1"))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("task t1 was not found");
  }
}
