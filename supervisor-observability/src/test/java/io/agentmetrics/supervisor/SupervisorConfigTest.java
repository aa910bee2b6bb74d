package io.agentmetrics.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SupervisorConfigTest {

  @Test
  void defaultsExpireWorkflowsAfterFifteenMinutes() {
    assertThat(SupervisorConfig.defaults())
        .isEqualTo(new SupervisorConfig(Duration.ofMinutes(15), 10_000));
  }

  @Test
  void builderSetsEveryField() {
    assertThat(
            SupervisorConfig.builder()
                .workflowExpiry(Duration.ofSeconds(30))
                .maxWorkflows(5)
                .build())
        .isEqualTo(new SupervisorConfig(Duration.ofSeconds(30), 5));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1})
  void nonPositiveExpiryIsRejectedWithItsName(long seconds) {
    Duration expiry = Duration.ofSeconds(seconds);
    assertThatThrownBy(() -> SupervisorConfig.builder().workflowExpiry(expiry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("workflowExpiry must be positive, got " + expiry);
  }

  @Test
  void maxWorkflowsBelowOneIsRejectedWithItsName() {
    assertThatThrownBy(() -> new SupervisorConfig(Duration.ofMinutes(1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxWorkflows must be at least 1, got 0");
  }
}
