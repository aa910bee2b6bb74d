package io.agentmetrics.a2a.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatusTimestampsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-07T03:20:15Z",
        "2026-12-07T03:20:15.100Z",
        "2026-12-07T03:20:15.000100Z",
        "2026-12-07T03:20:15.000000001Z",
        "2026-12-07T03:20:15.123456789Z",
        "1970-01-01T00:00:00Z",
        "0000-01-01T00:00:00.5Z",
        "9999-12-31T23:59:59.999999999Z",
        "-0001-06-01T12:00:00Z",
        "+10000-01-01T00:00:00.25Z",
        "2024-02-29T23:59:59.999Z"
      })
  void writesWhatInstantToStringWrites(String text) {
    Instant instant = Instant.parse(text);

    assertThat(StatusTimestamps.format(instant)).isEqualTo(instant.toString());
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 42L, 2026L})
  void agreesWithInstantToStringOnRandomInstantsAndRoundedFractions(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long fourDigitYears = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    long yearZero = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 10_000; i++) {
      long second = random.nextLong(yearZero, fourDigitYears + 1);
      int nanos = random.nextInt(1_000_000_000);
      int[] rounding = {1, 1000, 1_000_000, 1_000_000_000};
      nanos -= nanos % rounding[random.nextInt(rounding.length)];
      // Consecutive instants in one second take the kept second; others recompute it.
      for (Instant instant :
          new Instant[] {Instant.ofEpochSecond(second, nanos), Instant.ofEpochSecond(second, 0)}) {
        assertThat(StatusTimestamps.format(instant)).isEqualTo(instant.toString());
      }
    }
  }
}
