package io.agentmetrics.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FakeTimeSourceTest {

  @Test
  void bothClocksMoveTogetherAndOnlyWhenTold() {
    FakeTimeSource time = new FakeTimeSource();
    long nanos = time.nanoTime();

    time.advanceMillis(250).advance(Duration.ofNanos(7));

    assertThat(time.nanoTime() - nanos).isEqualTo(250_000_007L);
    assertThat(time.now()).isEqualTo(FakeTimeSource.DEFAULT_START.plusNanos(250_000_007L));
    assertThat(time.nanoTime() - nanos).isEqualTo(250_000_007L);
  }

  @Test
  void monotonicReadingStartsFarFromZeroSoThatZeroAsUnsetIsCaught() {
    assertThat(new FakeTimeSource().nanoTime()).isGreaterThan(Duration.ofMinutes(1).toNanos());
  }

  @Test
  void wallClockStartsWhereItIsTold() {
    Instant start = Instant.parse("2030-06-01T12:00:00Z");

    assertThat(new FakeTimeSource(start).now()).isEqualTo(start);
  }

  @Test
  void timeNeverGoesBack() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FakeTimeSource().advance(Duration.ofMillis(-1)))
        .withMessage("amount must not be negative, got PT-0.001S");
  }
}
