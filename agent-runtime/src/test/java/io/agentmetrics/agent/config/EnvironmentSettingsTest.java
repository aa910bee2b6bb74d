package io.agentmetrics.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentSettingsTest {

  @Test
  void anUnsetOrBlankValueIsUnsetAndAnyOtherIsTrimmed() {
    EnvironmentSettings settings = EnvironmentSettings.of(Map.of("BLANK", " \t", "SET", "  a b "));

    assertThat(settings.string("UNSET")).isNull();
    assertThat(settings.string("BLANK")).isNull();
    assertThat(settings.string("SET")).isEqualTo("a b");
    assertThat(settings.bool("BLANK")).isNull();
    assertThat(settings.list("UNSET")).isNull();
  }

  @ParameterizedTest
  @CsvSource({"true,true", "YES,true", "1,true", "False,false", "no,false", "0,false"})
  void aBooleanIsOneOfThreeWordsForEachValueInAnyCase(String value, boolean expected) {
    assertThat(EnvironmentSettings.of(Map.of("FLAG", value)).bool("FLAG")).isEqualTo(expected);
  }

  @Test
  void anyOtherBooleanFailsNamingTheVariableAndTheWordsItAllows() {
    assertThatThrownBy(() -> EnvironmentSettings.of(Map.of("FLAG", "on")).bool("FLAG"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("FLAG must be true or false (or 1/0, yes/no), got \"on\"")
        .extracting(e -> ((ConfigException) e).setting())
        .isEqualTo("FLAG");
  }

  @Test
  void aListDropsEmptyItemsAndTrimsTheOthers() {
    EnvironmentSettings settings = EnvironmentSettings.of(Map.of("HOSTS", " a, ,b ,,c"));

    assertThat(settings.list("HOSTS")).containsExactly("a", "b", "c");
  }

  @Test
  void aWholeNumberOutsideItsRangeOrNotANumberFailsNamingTheRange() {
    EnvironmentSettings settings =
        EnvironmentSettings.of(Map.of("HIGH", "11", "WORD", "ten", "OK", "10"));

    assertThat(settings.wholeNumber("OK", "attempts", 1, 10)).isEqualTo(10L);
    assertThatThrownBy(() -> settings.wholeNumber("HIGH", "attempts", 1, 10))
        .hasMessage("HIGH must be a whole number of attempts, from 1 to 10, got \"11\"");
    assertThatThrownBy(() -> settings.millis("WORD", 0))
        .hasMessage("WORD must be a whole number of milliseconds, at least 0, got \"ten\"");
  }

  @Test
  void millisecondsAreADuration() {
    assertThat(EnvironmentSettings.of(Map.of("WAIT", "250")).millis("WAIT", 1))
        .isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void aChoiceIsReadInLowerCaseAndAnUnknownOneNamesTheChoices() {
    EnvironmentSettings settings = EnvironmentSettings.of(Map.of("KIND", "Gemini", "BAD", "x"));
    List<String> kinds = List.of("simulated", "gemini");

    assertThat(settings.oneOf("KIND", kinds, "simulated")).isEqualTo("gemini");
    assertThat(settings.oneOf("UNSET", kinds, "simulated")).isEqualTo("simulated");
    assertThatThrownBy(() -> settings.oneOf("BAD", kinds, "simulated"))
        .hasMessage("BAD must be one of simulated, gemini, got \"x\"");
  }

  @Test
  void aParserFailureBecomesAnErrorNamingTheVariableButAParsersOwnConfigExceptionPassesThrough() {
    EnvironmentSettings settings = EnvironmentSettings.of(Map.of("N", "4x"));

    assertThatThrownBy(() -> settings.read("N", "an integer", Integer::parseInt))
        .isInstanceOf(ConfigException.class)
        .hasMessage("N must be an integer, got \"4x\"");
    assertThatThrownBy(
            () ->
                settings.read(
                    "N",
                    "an integer",
                    value -> {
                      throw new ConfigException("N", "N is wrong in its own way", null);
                    }))
        .hasMessage("N is wrong in its own way");
  }

  @Test
  void aRequiredValueThatIsUnsetFailsWithItsReason() {
    assertThatThrownBy(() -> EnvironmentSettings.of(Map.of()).required("KEY", "KEY is needed"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("KEY is needed");
  }

  @Test
  void aValueInAMessageHasItsControlCharactersReplaced() {
    assertThatThrownBy(() -> EnvironmentSettings.of(Map.of("FLAG", "a\r\nb\u0007")).bool("FLAG"))
        .hasMessage("FLAG must be true or false (or 1/0, yes/no), got \"a??b?\"");
  }
}
