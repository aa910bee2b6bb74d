package io.agentmetrics.a2a.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.store.StoreLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TaskStoreTest {

  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;

  @Test
  void theStoreIsBoundedByCountAndCountsWhatItEvicts() {
    TaskStore store = store(new StoreLimits(3, 3_000_000));

    for (int i = 0; i < 10; i++) {
      store.put(record(store, "t" + i));
    }

    assertThat(store.size()).isEqualTo(3);
    assertThat(store.evictionCount()).isEqualTo(7);
  }

  @Test
  void theStoreIsBoundedByTheBytesItsTasksRetain() {
    // 100 tasks may weigh 10,000 bytes; an empty task weighs 512, so 19 fit (9,728) and 20 do not.
    TaskStore store = store(new StoreLimits(100, 10_000));

    for (int i = 0; i < 30; i++) {
      store.put(record(store, "t" + i));
    }

    assertThat(store.size()).isEqualTo(19);
    assertThat(store.bytes()).isEqualTo(19 * TaskRecord.BASE_WEIGHT);
    assertThat(store.evictionCount()).isEqualTo(11);
  }

  @Test
  void aTaskThatGrowsIsWeighedAgainAndCanPushAnotherOut() {
    // Two tasks of at least 1,024 bytes each fill 2,048; one message of about 1,000 more does not
    // fit.
    TaskStore store = store(new StoreLimits(2, 2_048));
    TaskRecord growing = record(store, "t1");
    store.put(growing);
    store.put(record(store, "t2"));
    assertThat(store.evictionCount()).isZero();

    growing.firstTurn(
        new Message("user", List.of(Part.text("x".repeat(800))), "m", null, null, null, null, null),
        Instant.EPOCH,
        new CompletableFuture<>());

    assertThat(store.size()).isEqualTo(1);
    assertThat(store.evictionCount()).isEqualTo(1);
  }

  @Test
  void idleTasksExpireAndAreNeitherFoundNorCounted() {
    TaskStore store = store(new StoreLimits(10, 100_000));
    store.put(record(store, "t1"));

    nanos.addAndGet(Duration.ofMinutes(6).toNanos());

    assertThat(store.size()).isZero();
    assertThatThrownBy(() -> store.get("t1"))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("task t1 was not found");
  }

  private TaskStore store(StoreLimits limits) {
    return new TaskStore(limits, Duration.ofMinutes(5), ticker);
  }

  private static TaskRecord record(TaskStore store, String id) {
    return new TaskRecord(id, "ctx", Instant.EPOCH, 10, store::reweigh);
  }
}
