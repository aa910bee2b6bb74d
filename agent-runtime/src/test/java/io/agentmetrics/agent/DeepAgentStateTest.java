package io.agentmetrics.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeepAgentStateTest {

  private static final StateKey<Integer> ATTEMPTS = StateKey.of("attempts", Integer.class);
  private static final StateKey<String> SUMMARY = StateKey.of("summary", String.class);

  private final DeepAgentState state = new DeepAgentState();

  @Test
  void typedKeysStoreAndReturnTypedValues() {
    assertThat(state.put(ATTEMPTS, 1)).isEmpty();
    assertThat(state.put(ATTEMPTS, 2)).contains(1);

    assertThat(state.get(ATTEMPTS)).contains(2);
    assertThat(state.contains(ATTEMPTS)).isTrue();
    assertThat(state.remove(ATTEMPTS)).contains(2);
    assertThat(state.get(ATTEMPTS)).isEmpty();
  }

  @Test
  void readingAValueThroughAKeyOfAnotherTypeNamesTheKey() {
    state.put("attempts", "three");

    assertThatThrownBy(() -> state.get(ATTEMPTS))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("'attempts'")
        .hasMessageContaining("java.lang.Integer");
  }

  @Test
  void puttingThroughAKeyOfAnotherTypeThrowsNamingBothTypesAndKeepsTheOldValue() {
    state.put("attempts", "three");

    assertThatThrownBy(() -> state.put(ATTEMPTS, 4))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("'attempts'")
        .hasMessageContaining("java.lang.Integer")
        .hasMessageContaining("java.lang.String");
    assertThat(state.get("attempts")).contains("three");
  }

  @Test
  void removingThroughAKeyOfAnotherTypeThrowsNamingBothTypesAndKeepsTheValue() {
    state.put("attempts", "three");

    assertThatThrownBy(() -> state.remove(ATTEMPTS))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("'attempts'")
        .hasMessageContaining("java.lang.Integer")
        .hasMessageContaining("java.lang.String");
    assertThat(state.get("attempts")).contains("three");
    assertThat(state.remove(SUMMARY)).isEmpty();
  }

  @Test
  void nullValuesAreRejectedNamingTheKey() {
    assertThatThrownBy(() -> state.put(SUMMARY, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("summary");
  }

  @Test
  void genericKeysHoldCollections() {
    StateKey<List<String>> sources = StateKey.ofGeneric("sources", List.class);

    state.computeIfAbsent(sources, ArrayList::new).add("a");

    assertThat(state.get(sources))
        .hasValueSatisfying(list -> assertThat(list).containsExactly("a"));
  }

  @Test
  void computeIfAbsentRunsTheSupplierOnceUnderContention() throws Exception {
    int threads = 8;
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int value = i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return state.computeIfAbsent(
                      ATTEMPTS,
                      () -> {
                        calls.incrementAndGet();
                        return value;
                      });
                }));
      }
      start.countDown();
      Integer first = results.get(0).get(20, TimeUnit.SECONDS);
      for (Future<Integer> result : results) {
        assertThat(result.get(20, TimeUnit.SECONDS)).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(calls).hasValue(1);
  }

  @Test
  void snapshotIsAnImmutableCopy() {
    state.put(SUMMARY, "draft");

    var snapshot = state.snapshot();
    state.put(SUMMARY, "final");

    assertThat(snapshot).containsEntry("summary", "draft");
    assertThatThrownBy(() -> snapshot.put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(state.size()).isEqualTo(1);
  }

  @Test
  void blankKeyNamesAreRejected() {
    assertThatThrownBy(() -> StateKey.of(" ", String.class)).hasMessage("name must not be blank");
  }
}
