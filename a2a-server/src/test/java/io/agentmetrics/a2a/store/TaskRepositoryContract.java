package io.agentmetrics.a2a.store;

import static io.agentmetrics.a2a.store.StoredTasks.moved;
import static io.agentmetrics.a2a.store.StoredTasks.submitted;
import static io.agentmetrics.a2a.store.StoredTasks.withMessage;
import static io.agentmetrics.a2a.store.StoredTasks.withPush;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.TaskState;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TaskRepository} does, run against each store by a subclass: versions, final
 * states, listing, and the bounds of count, bytes and time-to-live.
 */
public abstract class TaskRepositoryContract {

  private static final Duration TTL = Duration.ofMinutes(10);

  protected final FakeTimeSource time = new FakeTimeSource();
  private final List<TaskRepository> opened = new ArrayList<>();

  /** A new, empty store with these bounds, on {@code time}. */
  protected abstract TaskRepository open(StoreLimits limits, Duration ttl, FakeTimeSource time);

  private TaskRepository store(StoreLimits limits, Duration ttl) {
    TaskRepository store = open(limits, ttl, time);
    opened.add(store);
    return store;
  }

  private TaskRepository store() {
    return store(new StoreLimits(1000, 1 << 24), TTL);
  }

  @AfterEach
  void closeStores() {
    opened.forEach(TaskRepository::close);
  }

  private Instant at(long seconds) {
    return FakeTimeSource.DEFAULT_START.plusSeconds(seconds);
  }

  @Test
  void aCreatedTaskIsFoundAtVersionOneAsItWasStored() {
    TaskRepository store = store();
    StoredTask rich = StoredTasks.rich("t-rich", at(1));

    StoredTask created = store.create(rich);

    assertThat(created.version()).isEqualTo(1);
    assertThat(store.find("t-rich")).contains(created);
    assertThat(created.task()).isEqualTo(rich.task());
    assertThat(created.pushConfigs()).isEqualTo(rich.pushConfigs());
  }

  @Test
  void anUnknownTaskIsNotFound() {
    assertThat(store().find("nope")).isEmpty();
  }

  @Test
  void creatingATaskWhoseIdIsStoredIsRefused() {
    TaskRepository store = store();
    store.create(submitted("t-1", "c", at(1)));

    assertThatThrownBy(() -> store.create(submitted("t-1", "c", at(2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t-1");
  }

  @Test
  void anUpdateFromTheStoredVersionIsStoredAtTheNextVersion() {
    TaskRepository store = store();
    StoredTask created = store.create(submitted("t-1", "c", at(1)));

    Optional<StoredTask> working =
        store.update(created, moved(created, TaskState.WORKING, at(2), null));

    assertThat(working).get().extracting(StoredTask::version).isEqualTo(2L);
    assertThat(store.find("t-1")).isEqualTo(working);
    assertThat(store.find("t-1").orElseThrow().state()).isEqualTo(TaskState.WORKING);
    assertThat(store.find("t-1").orElseThrow().updated()).isEqualTo(at(2));
  }

  @Test
  void ofTwoWritesFromOneVersionOnlyTheFirstIsStored() {
    TaskRepository store = store();
    StoredTask read = store.create(submitted("t-1", "c", at(1)));

    Optional<StoredTask> first = store.update(read, moved(read, TaskState.WORKING, at(2), null));
    Optional<StoredTask> second = store.update(read, moved(read, TaskState.CANCELED, at(3), null));

    assertThat(first).isPresent();
    assertThat(second).isEmpty();
    assertThat(store.find("t-1").orElseThrow().state()).isEqualTo(TaskState.WORKING);
  }

  @Test
  void writersThatRetryLostWritesLoseNoChange() throws Exception {
    TaskRepository store = store();
    store.create(submitted("t-1", "c", at(1)));
    int writers = 4;
    int changesEach = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Integer>> lost = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        Callable<Integer> appendAll =
            () -> {
              int conflicts = 0;
              for (int i = 0; i < changesEach; i++) {
                while (true) {
                  StoredTask read = store.find("t-1").orElseThrow();
                  if (store.update(read, withMessage(read, writer + "-" + i)).isPresent()) {
                    break;
                  }
                  conflicts++;
                }
              }
              return conflicts;
            };
        lost.add(pool.submit(appendAll));
      }
      for (Future<Integer> writer : lost) {
        writer.get();
      }
    } finally {
      pool.shutdownNow();
    }

    StoredTask last = store.find("t-1").orElseThrow();
    assertThat(last.task().history()).hasSize(1 + writers * changesEach);
    assertThat(last.version()).isEqualTo(1L + (long) writers * changesEach);
  }

  @Test
  void aFinalStateIsNeverLeft() {
    TaskRepository store = store();
    StoredTask created = store.create(submitted("t-1", "c", at(1)));
    StoredTask canceled =
        store.update(created, moved(created, TaskState.CANCELED, at(2), null)).orElseThrow();

    Optional<StoredTask> revived =
        store.update(canceled, moved(canceled, TaskState.WORKING, at(3), null));

    assertThat(revived).isEmpty();
    assertThat(store.find("t-1").orElseThrow().state()).isEqualTo(TaskState.CANCELED);
  }

  @Test
  void aTaskInAFinalStateStillTakesChangesThatKeepItsState() {
    TaskRepository store = store();
    StoredTask created = store.create(submitted("t-1", "c", at(1)));
    StoredTask failed =
        store.update(created, moved(created, TaskState.FAILED, at(2), null)).orElseThrow();

    Optional<StoredTask> withConfig = store.update(failed, withPush(failed, "cfg", "0.3"));

    assertThat(withConfig).get().extracting(t -> t.pushConfigs().size()).isEqualTo(1);
  }

  @Test
  void aCompletedTaskMayStartAnotherTurn() {
    TaskRepository store = store();
    StoredTask created = store.create(submitted("t-1", "c", at(1)));
    Message reply = Message.agentText("done", "m-r", "c", "t-1");
    StoredTask completed =
        store.update(created, moved(created, TaskState.COMPLETED, at(2), reply)).orElseThrow();

    Optional<StoredTask> next =
        store.update(completed, moved(completed, TaskState.SUBMITTED, at(3), null));

    assertThat(next).get().extracting(StoredTask::state).isEqualTo(TaskState.SUBMITTED);
  }

  @Test
  void anUpdateOfADeletedTaskIsNotStored() {
    TaskRepository store = store();
    StoredTask created = store.create(submitted("t-1", "c", at(1)));

    assertThat(store.delete("t-1")).isTrue();
    assertThat(store.delete("t-1")).isFalse();
    assertThat(store.update(created, moved(created, TaskState.WORKING, at(2), null))).isEmpty();
    assertThat(store.find("t-1")).isEmpty();
  }

  @Test
  void aListingIsNewestFirstThenByIdAndPagesFromAPosition() {
    TaskRepository store = store();
    store.create(submitted("b", "c1", at(5)));
    store.create(submitted("a", "c1", at(5)));
    store.create(submitted("c", "c2", at(9)));
    store.create(submitted("d", "c1", at(1)));

    TaskSlice first = store.list(new TaskFilter(null, null, null, null, 2));
    TaskSlice second =
        store.list(new TaskFilter(null, null, null, first.tasks().get(1).position(), 2));

    assertThat(first.tasks()).extracting(StoredTask::id).containsExactly("c", "a");
    assertThat(first.total()).isEqualTo(4);
    assertThat(first.more()).isTrue();
    assertThat(second.tasks()).extracting(StoredTask::id).containsExactly("b", "d");
    assertThat(second.more()).isFalse();
  }

  @Test
  void aListingFiltersByContextStateAndUpdateTime() {
    TaskRepository store = store();
    StoredTask a = store.create(submitted("a", "c1", at(1)));
    store.create(submitted("b", "c1", at(2)));
    store.create(submitted("c", "c2", at(3)));
    store.update(a, moved(a, TaskState.WORKING, at(4), null));

    assertThat(store.list(new TaskFilter("c1", null, null, null, 10)).tasks())
        .extracting(StoredTask::id)
        .containsExactly("a", "b");
    assertThat(store.list(new TaskFilter(null, TaskState.SUBMITTED, null, null, 10)).tasks())
        .extracting(StoredTask::id)
        .containsExactly("c", "b");
    TaskSlice recent = store.list(new TaskFilter(null, null, at(2), null, 10));
    assertThat(recent.tasks()).extracting(StoredTask::id).containsExactly("a", "c");
    assertThat(recent.total()).isEqualTo(2);
  }

  @Test
  void aTaskUnreadForTheTimeToLiveIsGone() {
    TaskRepository store = store(new StoreLimits(100, 1 << 24), TTL);
    store.create(submitted("kept", "c", at(1)));
    store.create(submitted("dropped", "c", at(1)));

    time.advance(TTL.minusMinutes(1));
    assertThat(store.find("kept")).isPresent();
    time.advance(Duration.ofMinutes(2));

    assertThat(store.find("kept")).isPresent();
    assertThat(store.find("dropped")).isEmpty();
    assertThat(store.statistics().entries()).isEqualTo(1);
  }

  @Test
  void theStoreHoldsNoMoreTasksThanItsCountAndCountsWhatItEvicts() {
    TaskRepository store = store(new StoreLimits(3, 1 << 20), TTL);
    for (int i = 0; i < 5; i++) {
      store.create(submitted("t-" + i, "c", at(i)));
      time.advance(Duration.ofSeconds(1));
    }

    StoreStatistics statistics = store.statistics();
    assertThat(statistics.entries()).isEqualTo(3);
    assertThat(statistics.evictions()).isEqualTo(2);
  }

  @Test
  void theStoreHoldsNoMoreBytesThanItsWeightBound() {
    StoreLimits limits = new StoreLimits(100, 40_000);
    TaskRepository store = store(limits, TTL);
    for (int i = 0; i < 10; i++) {
      store.create(StoredTasks.heavy("t-" + i, at(i), 9_000));
      time.advance(Duration.ofSeconds(1));
    }

    StoreStatistics statistics = store.statistics();
    assertThat(statistics.bytes()).isPositive().isLessThanOrEqualTo(limits.maxBytes());
    assertThat(statistics.entries()).isBetween(1L, 4L);
    assertThat(statistics.evictions()).isEqualTo(10 - statistics.entries());
  }
}
