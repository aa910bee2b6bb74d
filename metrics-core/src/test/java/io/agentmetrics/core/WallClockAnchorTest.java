package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.TimeSource;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WallClockAnchorTest {

  private static final Instant WALL = Instant.parse("2026-06-01T12:00:00Z");
  private static final long START = 7_000_000_000L;

  private final CountingClocks clocks = new CountingClocks();
  private final WallClockAnchor anchor = new WallClockAnchor(clocks);

  @Test
  void executionsStartingWithinTheMaxAgeShareOneWallClockReading() {
    WallClockAnchor.Reading first = anchor.forStartAt(START);
    clocks.wall = WALL.plus(Duration.ofHours(1)); // a step the shared reading does not see

    WallClockAnchor.Reading later = anchor.forStartAt(START + WallClockAnchor.MAX_AGE_NANOS);

    assertThat(later).isSameAs(first);
    assertThat(clocks.wallReads).isEqualTo(1);
    assertThat(later.at(START + WallClockAnchor.MAX_AGE_NANOS)).isEqualTo(WALL.plusMillis(100));
  }

  @Test
  void anExecutionStartingAfterTheMaxAgeTakesANewReading() {
    anchor.forStartAt(START);
    clocks.wall = WALL.plus(Duration.ofHours(1));

    WallClockAnchor.Reading later = anchor.forStartAt(START + WallClockAnchor.MAX_AGE_NANOS + 1);

    assertThat(clocks.wallReads).isEqualTo(2);
    assertThat(later.at(START + WallClockAnchor.MAX_AGE_NANOS + 1))
        .isEqualTo(WALL.plus(Duration.ofHours(1)));
  }

  @Test
  void aReadingStampsMonotonicTimesRelativeToItsWallClockReading() {
    WallClockAnchor.Reading reading = new WallClockAnchor.Reading(WALL, START);

    assertThat(reading.at(START + 1_500)).isEqualTo(WALL.plusNanos(1_500));
    assertThat(reading.at(START - 2_000_000)).isEqualTo(WALL.minusMillis(2));
  }

  @Test
  void aCollectorOnTheSystemClocksStartsAtTheWallClockTimeOfItsCreation() {
    Instant before = Instant.now();
    ExecutionTimingCollector collector = new ExecutionTimingCollector("agent");
    Instant after = Instant.now();

    Instant start = collector.complete(ExecutionOutcome.succeeded()).startTime();

    // The shared reading may be up to 100 ms old: the clocks drift apart by 50 µs at most in that
    // time; the millisecond of slack covers the resolution of Instant.now().
    assertThat(start).isBetween(before.minusMillis(1), after.plusMillis(1));
  }

  /** Clocks that count the wall-clock reads and whose wall clock a test sets. */
  private static final class CountingClocks implements TimeSource {

    Instant wall = WALL;
    int wallReads;

    @Override
    public long nanoTime() {
      throw new AssertionError("the anchor is given the monotonic reading");
    }

    @Override
    public Instant now() {
      wallReads++;
      return wall;
    }
  }
}
