package io.agentmetrics.a2a.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentQueueTest {

  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  @Test
  void aTurnWaitsNothingWhileASlotIsFreeForIt() throws InterruptedException {
    AgentQueue queue = new AgentQueue(2, 0, 10, Duration.ofSeconds(30));
    queue.turnTook(10 * SECOND);
    queue.acquire();

    assertThat(queue.expectedWaitNanos(1)).isZero();
    assertThat(queue.expectedWaitNanos(2)).isEqualTo(10 * SECOND);
  }

  @Test
  void eachRoundOfSlotsAheadAddsOneMeanTurn() throws InterruptedException {
    AgentQueue queue = new AgentQueue(2, 0, 10, Duration.ofSeconds(30));
    queue.turnTook(10 * SECOND);
    queue.acquire();
    queue.acquire();

    assertThat(queue.expectedWaitNanos(1)).isEqualTo(10 * SECOND);
    assertThat(queue.expectedWaitNanos(2)).isEqualTo(10 * SECOND);
    assertThat(queue.expectedWaitNanos(3)).isEqualTo(20 * SECOND);
  }

  @Test
  void theMeanWeighsTheNewestTurnByAnEighth() throws InterruptedException {
    AgentQueue queue = new AgentQueue(1, 0, 10, Duration.ofSeconds(30));
    queue.turnTook(8 * SECOND);
    queue.turnTook(16 * SECOND);
    queue.acquire();

    // 8 s + (16 s - 8 s) / 8 = 9 s
    assertThat(queue.expectedWaitNanos(1)).isEqualTo(9 * SECOND);
  }

  @Test
  void beforeAnyTurnHasEndedOnlyTheLengthOfTheLineBoundsIt() throws InterruptedException {
    AgentQueue queue = new AgentQueue(1, 0, 2, Duration.ofMillis(1));
    queue.acquire();

    queue.admit();
    queue.admit();

    assertThatThrownBy(queue::admit).hasMessageContaining("A2A_AGENT_QUEUE");
    queue.leave();
    queue.admit();
  }

  @Test
  void aCallerTakesASlotOnlyWhenNoAdmittedTurnWaitsAndACallerSlotIsLeft() {
    AgentQueue queue = new AgentQueue(3, 1, 10, Duration.ofSeconds(30));

    assertThat(queue.tryCallerSlot()).isTrue();
    assertThat(queue.tryCallerSlot()).as("the only caller slot is taken").isFalse();
    queue.releaseCallerSlot();
    queue.admit();
    assertThat(queue.tryCallerSlot()).as("a turn waits in line").isFalse();
  }
}
