package io.agentmetrics.supervisor.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenTelemetryBridgeConfigTest {

  @Test
  void defaultsTraceEverythingAndCapNames() {
    OpenTelemetryBridgeConfig config = OpenTelemetryBridgeConfig.defaults();

    assertThat(config.traceSamplingRatio()).isEqualTo(1.0);
    assertThat(config.maxPhaseNames()).isEqualTo(50);
    assertThat(config.maxAttributeValues()).isEqualTo(100);
    assertThat(config.instrumentationScopeName()).isEqualTo("io.agentmetrics.supervisor");
  }

  @Test
  void builderSetsEveryField() {
    OpenTelemetryBridgeConfig config =
        OpenTelemetryBridgeConfig.builder()
            .traceSamplingRatio(0.1)
            .maxPhaseNames(5)
            .maxAttributeValues(7)
            .instrumentationScope("my.scope", "1.2.3")
            .build();

    assertThat(config).isEqualTo(new OpenTelemetryBridgeConfig(0.1, 5, 7, "my.scope", "1.2.3"));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.5, 1.5, Double.NaN})
  void samplingRatioOutsideZeroToOneIsRejectedWithItsName(double ratio) {
    assertThatThrownBy(() -> OpenTelemetryBridgeConfig.builder().traceSamplingRatio(ratio))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("traceSamplingRatio must be between 0.0 and 1.0, got " + ratio);
  }

  @Test
  void phaseNameLimitBelowOneIsRejectedWithItsName() {
    assertThatThrownBy(() -> OpenTelemetryBridgeConfig.builder().maxPhaseNames(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPhaseNames must be at least 1, got 0");
  }

  @Test
  void attributeValueLimitBelowOneIsRejectedWithItsName() {
    assertThatThrownBy(() -> new OpenTelemetryBridgeConfig(1.0, 1, -3, "scope", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttributeValues must be at least 1, got -3");
  }

  @Test
  void blankScopeNameIsRejected() {
    assertThatThrownBy(() -> OpenTelemetryBridgeConfig.builder().instrumentationScope(" ", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("instrumentationScopeName");
  }
}
