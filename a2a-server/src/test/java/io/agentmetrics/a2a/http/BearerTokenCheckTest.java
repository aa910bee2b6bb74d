package io.agentmetrics.a2a.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BearerTokenCheckTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "Bearer t0ken, true",
        "bearer t0ken, true",
        "Bearer  t0ken , true",
        "Bearer t0ke, false",
        "Bearer t0ken2, false",
        "Basic t0ken, false",
        "t0ken, false",
        "'', false",
        "NULL, false"
      })
  void onlyTheExactBearerTokenIsAccepted(String header, boolean accepted) {
    assertThat(new BearerTokenCheck("t0ken").accepts(header)).isEqualTo(accepted);
  }

  @Test
  void withoutATokenEveryRequestIsAccepted() {
    BearerTokenCheck open = new BearerTokenCheck(null);

    assertThat(open.accepts(null)).isTrue();
    assertThat(open.accepts("Basic x")).isTrue();
  }
}
