package io.agentmetrics.a2a.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InFlightBudgetTest {

  @Test
  void aReservationThatDoesNotFitIsRefusedUntilAnotherIsClosed() {
    InFlightBudget budget = new InFlightBudget(100);
    InFlightBudget.Lease first = budget.tryReserve(60).orElseThrow();

    assertThat(budget.tryReserve(50)).isEmpty();
    first.close();
    assertThat(budget.tryReserve(50)).isPresent();
    assertThat(budget.held()).isEqualTo(50);
  }

  @Test
  void closingTwiceGivesTheBytesBackOnce() {
    InFlightBudget budget = new InFlightBudget(100);
    InFlightBudget.Lease lease = budget.tryReserve(60).orElseThrow();
    assertThat(budget.tryReserve(40)).isPresent();

    lease.close();
    lease.close();

    assertThat(budget.held()).isEqualTo(40);
  }

  @Test
  void aGrowthThatDoesNotFitIsRefusedAndLeavesTheLeaseAsItWas() {
    InFlightBudget budget = new InFlightBudget(100);
    InFlightBudget.Lease lease = budget.tryReserve(60).orElseThrow();
    assertThat(budget.tryReserve(30)).isPresent();

    assertThat(lease.grow(20)).isFalse();
    assertThat(budget.held()).isEqualTo(90);
    assertThat(lease.grow(10)).isTrue();
    assertThat(budget.held()).isEqualTo(100);
    lease.close();
    assertThat(budget.held()).isEqualTo(30);
  }

  @Test
  void moreThanTheWholeBudgetIsGrantedOnlyToALeaseThatHoldsEverything() {
    InFlightBudget budget = new InFlightBudget(100);

    InFlightBudget.Lease alone = budget.tryReserve(10).orElseThrow();
    assertThat(alone.grow(500)).isTrue();
    assertThat(budget.tryReserve(1)).isEmpty();
    alone.close();

    InFlightBudget.Lease small = budget.tryReserve(1).orElseThrow();
    assertThat(budget.tryReserve(150)).isEmpty();
    small.close();
    assertThat(budget.tryReserve(150)).isPresent();
  }

  @Test
  void aClosedLeaseCannotGrowAndNoLeaseShrinksByGrowing() {
    InFlightBudget budget = new InFlightBudget(100);
    InFlightBudget.Lease lease = budget.tryReserve(1).orElseThrow();

    assertThatThrownBy(() -> lease.grow(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    lease.close();
    assertThatThrownBy(() -> lease.grow(1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new InFlightBudget(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit must be positive");
  }

  @Test
  void concurrentRequestsNeverHoldMoreThanTheLimitAndGiveEverythingBack() throws Exception {
    long limit = 1_000;
    InFlightBudget budget = new InFlightBudget(limit);
    AtomicLong mostHeld = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < 20_000; i++) {
                  Optional<InFlightBudget.Lease> lease = budget.tryReserve(random.nextLong(250));
                  if (lease.isPresent()) {
                    lease.get().grow(random.nextLong(50));
                    mostHeld.accumulateAndGet(budget.held(), Math::max);
                    lease.get().close();
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }

    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(mostHeld.get()).isPositive().isLessThanOrEqualTo(limit);
    assertThat(budget.held()).isZero();
  }
}
