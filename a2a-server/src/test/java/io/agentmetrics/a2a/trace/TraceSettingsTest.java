package io.agentmetrics.a2a.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.a2a.EnvironmentConfig;
import io.agentmetrics.agent.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceSettingsTest {

  @ParameterizedTest
  @CsvSource({
    "true, true",
    "TRUE, true",
    "1, true",
    "yes, true",
    "Yes, true",
    "' yes ', true",
    "false, false",
    "False, false",
    "0, false",
    "no, false",
    "'', false"
  })
  void recognisedFlagValuesTurnTracingOnOrOff(String raw, boolean expected) {
    assertThat(trace(Map.of("A2A_TRACE_LATENCY", raw)).enabled()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"maybe", "on", "2", "tru"})
  void anyOtherValueFailsNamingTheVariableAndTheBooleansAllowed(String raw) {
    assertThatThrownBy(() -> trace(Map.of("A2A_TRACE_LATENCY", raw)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "A2A_TRACE_LATENCY must be true or false (or 1/0, yes/no), got \"" + raw + "\"");
  }

  @Test
  void unsetMeansOffWithFullSamplingToStdout() {
    TraceSettings settings = trace(Map.of());

    assertThat(settings.enabled()).isFalse();
    assertThat(settings.sampleRate()).isEqualTo(1.0);
    assertThat(settings.logFile()).isNull();
  }

  @Test
  void sampleRateAndLogFileAreRead() {
    TraceSettings settings =
        trace(
            Map.of(
                "A2A_TRACE_LATENCY", "1",
                "A2A_TRACE_SAMPLE_RATE", "0.25",
                "A2A_TRACE_LOG_FILE", "/var/log/a2a-trace.log"));

    assertThat(settings.sampleRate()).isEqualTo(0.25);
    assertThat(settings.logFile()).isEqualTo(Path.of("/var/log/a2a-trace.log"));
  }

  @ParameterizedTest
  @CsvSource({"1.5, 1.5", "-0.1, -0.1", "NaN, NaN", "half, half"})
  void aSampleRateOutsideZeroToOneFailsNamingTheVariable(String raw, String got) {
    assertThatThrownBy(() -> trace(Map.of("A2A_TRACE_SAMPLE_RATE", raw)))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).isEqualTo("A2A_TRACE_SAMPLE_RATE"))
        .hasMessage("A2A_TRACE_SAMPLE_RATE must be a number from 0 to 1, got \"" + got + "\"");
  }

  private static TraceSettings trace(Map<String, String> env) {
    return EnvironmentConfig.of(env).serverConfig().trace();
  }
}
