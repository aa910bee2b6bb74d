package io.agentmetrics.a2a.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PushUrlPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:///etc/passwd",
        "ftp://example.com/x",
        "not a url",
        "http:///nohost",
        "/relative"
      })
  void onlyAbsoluteHttpUrlsWithAHostAreAccepted(String url) {
    assertThatThrownBy(() -> new PushUrlPolicy(List.of()).check(url))
        .isInstanceOf(TaskException.class)
        .hasMessageStartingWith("pushNotificationConfig.url");
  }

  @ParameterizedTest
  @CsvSource({
    "https://ping.telex.im/hook, true",
    "https://a.b.telex.im/hook, true",
    "https://hooks.example.com/x, true",
    "https://evil.example.com/x, false",
    "https://telex.im.evil.com/x, false",
    "http://localhost:8080/x, false"
  })
  void theAllowListAdmitsExactHostsAndWildcardSubdomains(String url, boolean allowed) {
    PushUrlPolicy policy = new PushUrlPolicy(List.of("*.telex.im", "HOOKS.example.com"));

    if (allowed) {
      assertThat(policy.check(url).getHost()).isNotEmpty();
    } else {
      assertThatThrownBy(() -> policy.check(url))
          .isInstanceOf(TaskException.class)
          .hasMessageContaining("A2A_PUSH_ALLOWED_HOSTS");
    }
  }
}
