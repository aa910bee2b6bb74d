package io.agentmetrics.a2a.v1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolVersionTest {

  @Test
  void noVersionMeansZeroThree() {
    assertThat(ProtocolVersion.of(null)).contains(ProtocolVersion.V0_3);
    assertThat(ProtocolVersion.of(" ")).contains(ProtocolVersion.V0_3);
  }

  @ParameterizedTest
  @CsvSource({"1.0, V1_0", "1.0.1, V1_0", "1, V1_0", "0.3, V0_3", "0.3.0, V0_3"})
  void majorAndMinorSelectTheVersionAndAPatchIsIgnored(String header, ProtocolVersion version) {
    assertThat(ProtocolVersion.of(header)).contains(version);
  }

  @ParameterizedTest
  @ValueSource(strings = {"99.0", "0.2", "1.1", "latest"})
  void anyOtherVersionIsNotSpoken(String header) {
    assertThat(ProtocolVersion.of(header)).isEmpty();
  }
}
