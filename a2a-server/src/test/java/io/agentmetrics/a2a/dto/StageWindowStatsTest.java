package io.agentmetrics.a2a.dto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StageWindowStatsTest {

  @Test
  void threeDecimalsKeepsMicrosecondsAndRoundsHalfUp() {
    assertThat(StageWindowStats.threeDecimals(0.0004)).isEqualTo(0.0);
    assertThat(StageWindowStats.threeDecimals(0.0005)).isEqualTo(0.001);
    assertThat(StageWindowStats.threeDecimals(12.3456)).isEqualTo(12.346);
    assertThat(StageWindowStats.threeDecimals(2.5)).isEqualTo(2.5);
  }

  @Test
  void aNegativeCountIsRefused() {
    assertThatThrownBy(() -> new StageWindowStats(-1, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count");
  }
}
