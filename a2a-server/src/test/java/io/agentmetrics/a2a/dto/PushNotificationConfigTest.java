package io.agentmetrics.a2a.dto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PushNotificationConfigTest {

  private static final String URL =
      "https://hooks.example.com/services/T0/B0/SECRET-PATH?k=SECRET-Q";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SECRET\r\nX-Forged: 1",
        "SECRET\n",
        "\rSECRET",
        "SECRET\u0000",
        "SECRET\u007f",
        "SECRET\u001b[31m",
        "SECRÉT",
        " SECRET",
        "SECRET\t"
      })
  void aTokenThatIsNotAValidHeaderValueIsRefusedWithoutEchoingIt(String token) {
    assertThatThrownBy(() -> new PushNotificationConfig(null, URL, token, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("token must be a valid HTTP header value")
        .message()
        .doesNotContain("SECRET");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SECRET\r\n", "SECRET\nX: y", "SECRET\u0000", " SECRET"})
  void credentialsThatAreNotAValidHeaderValueAreRefusedWithoutEchoingThem(String credentials) {
    assertThatThrownBy(() -> new PushNotificationAuthenticationInfo(List.of("Basic"), credentials))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("credentials must be a valid HTTP header value")
        .message()
        .doesNotContain("SECRET");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic\r\nX: SECRET", "Bearer SECRET", "Bea;rer", "", "Bearer\t"})
  void aSchemeThatIsNotAnHttpTokenIsRefusedNamingItsIndex(String scheme) {
    assertThatThrownBy(() -> new PushNotificationAuthenticationInfo(List.of("Bearer", scheme), "c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("schemes[1] must be a valid HTTP header token")
        .message()
        .doesNotContain("SECRET");
  }

  @Test
  void validHeaderValuesAreKeptAsTheyAre() {
    PushNotificationConfig config =
        new PushNotificationConfig(
            "c-1",
            URL,
            "tok_1.A-b~c+/=",
            new PushNotificationAuthenticationInfo(
                List.of("Bearer", "X-Api.Key!#$%&'*+^_`|~"), "a b\tc=="));

    assertThat(config.token()).isEqualTo("tok_1.A-b~c+/=");
    assertThat(config.authentication().credentials()).isEqualTo("a b\tc==");
    assertThat(new PushNotificationConfig(null, URL, null, null).token()).isNull();
  }

  @Test
  void toStringShowsTheOriginAndHidesThePathQueryTokenAndCredentials() {
    PushNotificationConfig config =
        new PushNotificationConfig(
            "c-1",
            URL,
            "SECRET-TOKEN",
            new PushNotificationAuthenticationInfo(List.of("Basic"), "SECRET-CREDENTIALS"));

    assertThat(config.toString())
        .contains("c-1", "https://hooks.example.com/...", "Basic", "***")
        .doesNotContain("SECRET");
    assertThat(new TaskPushNotificationConfig("t-1", config).toString())
        .contains("t-1")
        .doesNotContain("SECRET");
    assertThat(new PushNotificationConfig(null, "not a url SECRET", null, null).toString())
        .doesNotContain("SECRET");
  }
}
