package io.agentmetrics.a2a.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogSafeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "task-42|task-42",
        "ünïcödé ✓ 任务|ünïcödé ✓ 任务",
        "a\\b|a\\\\b",
      })
  void printableTextIsKeptAndBackslashesAreDoubled(String value, String logged) {
    assertThat(LogSafe.of(value)).isEqualTo(logged);
  }

  @Test
  void lineBreaksAndControlCharactersAreEscapedOntoOneLine() {
    String forged =
        "r1\r\n2026-01-01T00:00:00Z ERROR forged\tx\u001b[2J\u0000\u007f\u0085\u2028\u2029";

    String logged = LogSafe.of(forged);

    assertThat(logged)
        .isEqualTo(
            "r1\\r\\n2026-01-01T00:00:00Z ERROR forged\\tx\\u001b[2J\\u0000\\u007f\\u0085\\u2028"
                + "\\u2029");
    assertThat(logged.lines()).hasSize(1);
  }

  @Test
  void anEscapedValueCannotBeMistakenForAnEscapeTheClientTyped() {
    assertThat(LogSafe.of("\\n")).isNotEqualTo(LogSafe.of("\n"));
  }

  @Test
  void aLongValueIsCutAndSaysHowLongItWas() {
    String logged = LogSafe.of("x".repeat(10_000));

    assertThat(logged).isEqualTo("x".repeat(LogSafe.MAX_LENGTH) + "...(10000 chars)");
  }

  @Test
  void aValueAtTheLimitIsKeptWhole() {
    String id = "y".repeat(LogSafe.MAX_LENGTH);

    assertThat(LogSafe.of(id)).isSameAs(id);
  }

  @Test
  void nullStaysNullAndOtherObjectsAreLoggedByTheirText() {
    assertThat(LogSafe.of(null)).isNull();
    assertThat(LogSafe.of(42)).isEqualTo("42");
  }
}
