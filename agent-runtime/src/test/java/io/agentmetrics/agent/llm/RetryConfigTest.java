package io.agentmetrics.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryConfigTest {

  private final RetryConfig config =
      RetryConfig.builder()
          .maxAttempts(10)
          .initialBackoff(Duration.ofMillis(100))
          .maxBackoff(Duration.ofMillis(1000))
          .jitter(0.5)
          .build();

  @ParameterizedTest(name = "retry {0} -> {1} ms")
  @CsvSource({"1, 100", "2, 200", "3, 400", "4, 800", "5, 1000", "9, 1000"})
  void backoffDoublesUpToTheCapWithoutJitter(int retry, long millis) {
    assertThat(config.backoff(retry, 0)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void jitterShortensTheBackoffByAtMostItsFraction() {
    assertThat(config.backoff(2, 0.999)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(config.backoff(2, 1)).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    RetryConfig defaults = RetryConfig.defaults();

    assertThat(defaults.maxAttempts()).isEqualTo(RetryConfig.DEFAULT_MAX_ATTEMPTS);
    assertThat(defaults.initialBackoff()).isEqualTo(RetryConfig.DEFAULT_INITIAL_BACKOFF);
    assertThat(defaults.maxBackoff()).isEqualTo(RetryConfig.DEFAULT_MAX_BACKOFF);
    assertThat(defaults.maxRetryAfter()).isEqualTo(RetryConfig.DEFAULT_MAX_RETRY_AFTER);
    assertThat(RetryConfig.disabled().maxAttempts()).isEqualTo(1);
  }

  @Test
  void invalidSettingsAreRejectedNamingTheParameter() {
    assertThatThrownBy(() -> RetryConfig.builder().maxAttempts(0))
        .hasMessage("maxAttempts must be in [1, 10], got 0");
    assertThatThrownBy(() -> RetryConfig.builder().initialBackoff(Duration.ZERO))
        .hasMessage("initialBackoff must be positive, got PT0S");
    assertThatThrownBy(() -> RetryConfig.builder().jitter(1.5))
        .hasMessage("jitter must be in [0, 1], got 1.5");
    assertThatThrownBy(
            () ->
                RetryConfig.builder()
                    .initialBackoff(Duration.ofSeconds(10))
                    .maxBackoff(Duration.ofSeconds(1))
                    .build())
        .hasMessageContaining("initialBackoff must not exceed maxBackoff");
  }
}
