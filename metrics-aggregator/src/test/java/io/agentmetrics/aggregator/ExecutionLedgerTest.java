package io.agentmetrics.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.aggregator.ExecutionLedger.Source;
import io.agentmetrics.api.MetricType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ExecutionLedgerTest {

  private final ExecutionLedger ledger = new ExecutionLedger(16);
  private final UUID execution = UUID.randomUUID();

  @Test
  void theFirstSourceOfATypeWinsAndMayRepeat() {
    assertThat(claimOnThisThread(ledger, execution, MetricType.DATABASE_QUERY, Source.METRICS))
        .isTrue();
    assertThat(claimOnThisThread(ledger, execution, MetricType.DATABASE_QUERY, Source.METRICS))
        .isTrue();
    assertThat(claimOnThisThread(ledger, execution, MetricType.DATABASE_QUERY, Source.BREAKDOWN))
        .isFalse();
    assertThat(claimOnThisThread(ledger, execution, MetricType.TOTAL_EXECUTION, Source.BREAKDOWN))
        .isTrue();
    assertThat(claimOnThisThread(ledger, execution, MetricType.TOTAL_EXECUTION, Source.METRICS))
        .isFalse();
  }

  @Test
  void executionsAndTypesAreIndependent() {
    UUID other = UUID.randomUUID();

    assertThat(claimOnThisThread(ledger, execution, MetricType.TTFT, Source.METRICS)).isTrue();
    assertThat(claimOnThisThread(ledger, other, MetricType.TTFT, Source.BREAKDOWN)).isTrue();
    assertThat(claimOnThisThread(ledger, execution, MetricType.LLM_PROCESSING, Source.BREAKDOWN))
        .isTrue();
  }

  @Test
  void onlyTheMostRecentExecutionsAreRemembered() {
    ExecutionLedger small = new ExecutionLedger(2);
    UUID first = UUID.randomUUID();
    claimOnThisThread(small, first, MetricType.TTFT, Source.METRICS);
    claimOnThisThread(small, UUID.randomUUID(), MetricType.TTFT, Source.METRICS);
    claimOnThisThread(small, UUID.randomUUID(), MetricType.TTFT, Source.METRICS);

    assertThat(small.size()).isEqualTo(2);
    // The first execution was forgotten, so its breakdown is taken as new.
    assertThat(claimOnThisThread(small, first, MetricType.TTFT, Source.BREAKDOWN)).isTrue();
  }

  @Test
  void anExecutionForgottenOnOneStripeIsForgottenOnEveryStripe() {
    ExecutionLedger small = new ExecutionLedger(1, 2);
    UUID first = UUID.randomUUID();
    int firstStripe = 0;
    int otherStripe = 1;
    small.claim(first, MetricType.TTFT, Source.METRICS, firstStripe);

    // A newer execution, seen on the other stripe, takes the only place: the first is forgotten,
    // although the first stripe still remembers it as the last one it claimed.
    small.claim(UUID.randomUUID(), MetricType.TTFT, Source.METRICS, otherStripe);

    assertThat(small.claim(first, MetricType.TTFT, Source.BREAKDOWN, firstStripe)).isTrue();
    assertThat(small.size()).isEqualTo(1);
  }

  @Test
  void stripesSeeEachOthersClaims() {
    ExecutionLedger striped = new ExecutionLedger(16, 2);

    assertThat(striped.claim(execution, MetricType.TTFT, Source.METRICS, 0)).isTrue();
    assertThat(striped.claim(execution, MetricType.TTFT, Source.BREAKDOWN, 1)).isFalse();
    assertThat(striped.claim(execution, MetricType.LLM_PROCESSING, Source.BREAKDOWN, 1)).isTrue();
    assertThat(striped.claim(execution, MetricType.LLM_PROCESSING, Source.METRICS, 0)).isFalse();
  }

  @Test
  void aMetricAndABreakdownRacingForOneTypeNeverBothWin() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 2_000; round++) {
        UUID racing = UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (Source source : Source.values()) {
          claims.add(
              pool.submit(
                  () -> {
                    start.await();
                    return claimOnThisThread(ledger, racing, MetricType.LLM_PROCESSING, source);
                  }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> claim : claims) {
          winners += claim.get() ? 1 : 0;
        }
        assertThat(winners).as("round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Claims on the calling thread's stripe, as the aggregator does. */
  private static boolean claimOnThisThread(
      ExecutionLedger ledger, UUID executionId, MetricType type, Source source) {
    return ledger.claim(executionId, type, source, Stripes.threadNumber());
  }
}
