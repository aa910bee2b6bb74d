package io.agentmetrics.a2a.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which names the guard takes for this machine, and so which binds it guards. */
class LoopbackHostGuardTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "LOCALHOST",
        "127.0.0.1",
        "127.255.255.254",
        "::1",
        "[::1]",
        "0:0:0:0:0:0:0:1",
        "::ffff:127.0.0.1"
      })
  void loopbackNamesAndAddressesAreThisMachine(String host) {
    assertThat(LoopbackHostGuard.isLoopback(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "::",
        "10.0.0.1",
        "128.0.0.1",
        "127.0.0.256",
        "127.0.0",
        "127.0.0.1.example.com",
        "localhost.example.com",
        "example.com",
        "fd00::1",
        ""
      })
  void anyOtherNameOrAddressIsNot(String host) {
    assertThat(LoopbackHostGuard.isLoopback(host)).isFalse();
  }
}
