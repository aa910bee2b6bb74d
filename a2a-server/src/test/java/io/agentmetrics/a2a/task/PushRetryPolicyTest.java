package io.agentmetrics.a2a.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PushRetryPolicyTest {

  private final FakeTimeSource time = new FakeTimeSource(); // 2026-01-01T00:00:00Z

  @ParameterizedTest
  @CsvSource({
    "408, true",
    "429, true",
    "500, true",
    "502, true",
    "503, true",
    "504, true",
    "599, true",
    "400, false",
    "401, false",
    "403, false",
    "404, false",
    "409, false",
    "410, false",
    "413, false",
    "422, false",
    "301, false",
    "302, false",
    "304, false",
    "100, false",
    "600, false"
  })
  void onlyTimeoutsRateLimitsAndServerErrorsAreRetried(int status, boolean retried) {
    assertThat(PushRetryPolicy.retriable(status)).isEqualTo(retried);
  }

  @Test
  void theWaitDoublesUpToTheCapWithJitterInItsUpperHalf() {
    PushRetryPolicy lowest = policy(10, 0.0);
    PushRetryPolicy middle = policy(10, 0.5);

    // initial 500 ms, cap 4 s: 500, 1000, 2000, 4000, 4000 ms before jitter.
    assertThat(IntStream.rangeClosed(1, 5).mapToObj(a -> lowest.nextDelay(a, null).orElseThrow()))
        .containsExactly(millis(250), millis(500), millis(1000), millis(2000), millis(2000));
    assertThat(IntStream.rangeClosed(1, 5).mapToObj(a -> middle.nextDelay(a, null).orElseThrow()))
        .containsExactly(millis(375), millis(750), millis(1500), millis(3000), millis(3000));
  }

  @Test
  void noAttemptIsLeftAfterTheLastAndNoDoublingOverflows() {
    assertThat(policy(3, 0.0).nextDelay(2, null)).isPresent();
    assertThat(policy(3, 0.0).nextDelay(3, null)).isEmpty();
    assertThat(policy(Integer.MAX_VALUE, 0.0).nextDelay(200, null)).contains(millis(2000));
  }

  @ParameterizedTest
  @CsvSource({
    "3, 3000",
    "0, 250",
    "' 2 ', 2000",
    "'Thu, 01 Jan 2026 00:00:03 GMT', 3000",
    "'Thursday, 01-Jan-26 00:00:02 GMT', 2000",
    "Thu Jan  1 00:00:04 2026, 4000",
    "'Wed, 31 Dec 2025 23:59:00 GMT', 250",
    "soon, 250",
    "-5, 250",
    "'', 250"
  })
  void aRetryAfterInSecondsOrAsAnHttpDateIsWaitedForWhenLongerThanTheBackoff(
      String retryAfter, long expectedMillis) {
    assertThat(policy(3, 0.0).nextDelay(1, retryAfter)).contains(millis(expectedMillis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "Thu, 01 Jan 2026 00:00:05 GMT", "999999999999999999999999"})
  void aReceiverAskingForMoreThanTheLongestWaitIsNotRetried(String retryAfter) {
    assertThat(policy(3, 0.0).nextDelay(1, retryAfter)).isEmpty();
  }

  private PushRetryPolicy policy(int maxAttempts, double jitter) {
    return new PushRetryPolicy(maxAttempts, millis(500), millis(4000), () -> jitter, time);
  }

  private static Duration millis(long millis) {
    return Duration.ofMillis(millis);
  }
}
