package io.agentmetrics.a2a.task;

import static io.agentmetrics.a2a.task.PushUrls.checked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PushUrlPolicyTest {

  /** A DNS of a few names; literals are read by InetAddress, and nothing goes to the network. */
  static final HostResolver DNS =
      host -> {
        Map<String, List<String>> names =
            Map.of(
                "hooks.example.com", List.of("93.184.215.14"),
                "ping.telex.im", List.of("93.184.215.15"),
                "a.b.telex.im", List.of("93.184.215.16"),
                "intranet.example.com", List.of("10.1.2.3"),
                "metadata.example.com", List.of("169.254.169.254"),
                "mixed.example.com", List.of("93.184.215.14", "127.0.0.1"),
                "mapped.example.com", List.of("::ffff:192.168.0.1"));
        List<String> addresses = names.get(host);
        if (addresses == null && !host.matches("[0-9.]+|\\[[0-9a-fA-F:.%]+]")) {
          throw new UnknownHostException(host);
        }
        return addresses == null
            ? InetAddress.getAllByName(host)
            : addresses.stream().map(PushUrlPolicyTest::literal).toArray(InetAddress[]::new);
      };

  private static final PushUrlPolicy POLICY = policy(false, List.of());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:///etc/passwd",
        "ftp://example.com/x",
        "javascript:alert(1)",
        "not a url",
        "http:///nohost",
        "http://127.1/",
        "http://0x7f.0.0.1/",
        "http://hooks.example.0x1/",
        "/relative"
      })
  void onlyAbsoluteHttpUrlsWithAHostAreAccepted(String url) {
    assertThatThrownBy(() -> checked(POLICY, url))
        .isInstanceOf(TaskException.class)
        .hasMessageStartingWith("pushNotificationConfig.url");
  }

  @Test
  void theSchemeIsMatchedInAnyCaseAndComesBackInLowerCase() {
    assertThat(checked(POLICY, "HTTPS://hooks.example.com/a%20b?c=d").toString())
        .isEqualTo("https://hooks.example.com/a%20b?c=d");
    assertThat(checked(POLICY, "hTTp://hooks.example.com:8080/").getScheme()).isEqualTo("http");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://user:pw@hooks.example.com/x",
        "https://token@hooks.example.com/",
        "http://:@h.example/"
      })
  void aUrlWithUserInfoIsRefusedWithoutEchoingIt(String url) {
    assertThatThrownBy(() -> checked(POLICY, url))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("user info")
        .message()
        .doesNotContain("pw", "token@");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://0x7f000001/",
        "http://0177.0.0.1/",
        "http://017700000001/",
        "http://127.000.000.001/"
      })
  void anIpv4AddressInAFormParsersReadDifferentlyIsRefused(String url) {
    assertThatThrownBy(() -> checked(POLICY, url))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("dotted decimal");
  }

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1/, loopback",
    "http://2130706433/, loopback",
    "http://[::ffff:127.0.0.1]/, loopback",
    "http://localhost/, loopback",
    "http://api.LOCALHOST./, loopback",
    "http://0/, unspecified",
    "http://intranet.example.com/, private",
    "http://mapped.example.com/, private",
    "http://metadata.example.com/latest/meta-data/, link-local",
    "http://2852039166/, link-local",
    "http://mixed.example.com/, loopback",
    "http://[2002:a9fe:a9fe::]/, 6to4 form"
  })
  void aHostThatResolvesToAnInternalAddressIsRefusedNamingTheRule(String url, String rule) {
    assertThatThrownBy(() -> checked(POLICY, url))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining(rule)
        .hasMessageContaining("A2A_PUSH_ALLOW_PRIVATE")
        .message()
        .doesNotContain("10.1.2.3", "169.254.169.254", "192.168.0.1");
  }

  @Test
  void aNameThatDoesNotResolveIsAcceptedButAnUnreadableIpv6LiteralIsNot() {
    assertThat(checked(POLICY, "https://not-yet.example.org/hook").getHost())
        .isEqualTo("not-yet.example.org");
    assertThatThrownBy(() -> checked(POLICY, "http://[fe80::1%25eth0]/"))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("not a valid IPv6 address");
  }

  @Test
  void internalAddressesAreAcceptedWhenAllowedAndTheAllowListStillApplies() {
    assertThat(checked(policy(true, List.of()), "http://127.0.0.1:8080/hook").getPort())
        .isEqualTo(8080);
    assertThat(checked(policy(true, List.of()), "http://localhost/hook").getHost())
        .isEqualTo("localhost");
    assertThatThrownBy(
            () -> checked(policy(true, List.of("hooks.example.com")), "http://127.0.0.1/"))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("A2A_PUSH_ALLOWED_HOSTS");
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
    PushUrlPolicy policy = policy(false, List.of("*.telex.im", "HOOKS.example.com"));

    if (allowed) {
      assertThat(checked(policy, url).getHost()).isNotEmpty();
    } else {
      assertThatThrownBy(() -> checked(policy, url))
          .isInstanceOf(TaskException.class)
          .hasMessageContaining("A2A_PUSH_ALLOWED_HOSTS");
    }
  }

  @Test
  void parsingAloneNeverResolves() {
    PushUrlPolicy policy =
        new PushUrlPolicy(
            List.of(),
            new PushAddressPolicy(
                false,
                host -> {
                  throw new AssertionError("resolved " + host);
                }));

    assertThat(policy.parse("http://127.0.0.1/x").getHost()).isEqualTo("127.0.0.1");
  }

  static PushUrlPolicy policy(boolean allowPrivate, List<String> allowedHosts) {
    return new PushUrlPolicy(allowedHosts, new PushAddressPolicy(allowPrivate, DNS));
  }

  private static InetAddress literal(String address) {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(address, e);
    }
  }
}
