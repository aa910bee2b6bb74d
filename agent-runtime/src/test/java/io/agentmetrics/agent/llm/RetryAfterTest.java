package io.agentmetrics.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

  @ParameterizedTest(name = "''{0}'' -> {1} s")
  @CsvSource({
    "0, 0",
    "2, 2",
    "' 120 ', 120",
    "'Sun, 22 Nov 2026 08:00:03 GMT', 3",
    "'Sun, 22 Nov 2026 07:59:00 GMT', 0"
  })
  void readsDelaySecondsAndHttpDates(String header, long seconds) {
    assertThat(RetryAfter.parse(header, NOW)).contains(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"soon", "-5", "1.5", "Sunday"})
  void unreadableValuesMeanNoHint(String header) {
    assertThat(RetryAfter.parse(header, NOW)).isEmpty();
  }
}
