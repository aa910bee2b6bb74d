package io.agentmetrics.a2a.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.a2a.task.InternalAddresses.Range;
import io.agentmetrics.a2a.task.InternalAddresses.Verdict;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InternalAddressesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0.0.0.0, UNSPECIFIED",
    "0.255.255.255, UNSPECIFIED",
    "127.0.0.1, LOOPBACK",
    "127.255.255.255, LOOPBACK",
    "10.0.0.0, PRIVATE",
    "10.255.255.255, PRIVATE",
    "172.16.0.0, PRIVATE",
    "172.31.255.255, PRIVATE",
    "192.168.0.0, PRIVATE",
    "192.168.255.255, PRIVATE",
    "100.64.0.0, PRIVATE",
    "100.127.255.255, PRIVATE",
    "169.254.0.0, LINK_LOCAL",
    "169.254.169.254, LINK_LOCAL",
    "169.254.255.255, LINK_LOCAL",
    "224.0.0.0, MULTICAST",
    "239.255.255.255, MULTICAST",
    "240.0.0.0, RESERVED",
    "255.255.255.255, RESERVED",
    "192.0.0.8, RESERVED",
    "192.0.2.1, RESERVED",
    "192.88.99.1, RESERVED",
    "198.18.0.0, RESERVED",
    "198.19.255.255, RESERVED",
    "198.51.100.1, RESERVED",
    "203.0.113.255, RESERVED",
    "::, UNSPECIFIED",
    "::1, LOOPBACK",
    "fe80::1, LINK_LOCAL",
    "febf:ffff::1, LINK_LOCAL",
    "fec0::1, PRIVATE",
    "fc00::1, PRIVATE",
    "fdff:ffff::1, PRIVATE",
    "ff02::1, MULTICAST",
    "ff0e::1, MULTICAST",
    "2001:db8::1, RESERVED",
    "2001::1, RESERVED",
    "2001:2::1, RESERVED",
    "3fff::1, RESERVED",
    "100::1, RESERVED",
    "64:ff9b:1::1, RESERVED",
    "5f00::1, RESERVED",
    "4000::1, RESERVED",
    "::8.8.8.8, RESERVED",
  })
  void internalAddressesAreClassifiedByTheirRange(String literal, Range range) throws Exception {
    assertThat(InternalAddresses.classify(InetAddress.getByName(literal)))
        .hasValueSatisfying(verdict -> assertThat(verdict.range()).isEqualTo(range));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "::127.0.0.1, LOOPBACK, IPv4-compatible",
    "::10.1.2.3, PRIVATE, IPv4-compatible",
    "64:ff9b::169.254.169.254, LINK_LOCAL, NAT64",
    "64:ff9b::7f00:1, LOOPBACK, NAT64",
    "2002:a9fe:a9fe::, LINK_LOCAL, 6to4",
    "2002:c0a8:101:1::1, PRIVATE, 6to4",
    "2002:7f00:1::, LOOPBACK, 6to4",
    "2002:e000:1::, MULTICAST, 6to4",
  })
  void anInternalIpv4AddressInsideAnIpv6OneIsInternalAndTheFormIsNamed(
      String literal, Range range, String form) throws Exception {
    Optional<Verdict> verdict = InternalAddresses.classify(InetAddress.getByName(literal));

    assertThat(verdict).contains(new Verdict(range, form));
    assertThat(verdict.get().describe()).endsWith("in " + form + " form");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"127.0.0.1", "169.254.169.254", "10.0.0.1", "0.0.0.0", "224.0.0.1"})
  void anIpv4MappedAddressKeptInIpv6FormIsJudgedByItsIpv4Address(String ipv4) throws Exception {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, mapped, 12, 4);
    // Inet6Address.getByAddress keeps the IPv6 form that InetAddress.getByAddress would unwrap.
    Inet6Address address = Inet6Address.getByAddress(null, mapped, null);

    assertThat(InternalAddresses.classify(address))
        .hasValueSatisfying(verdict -> assertThat(verdict.form()).isEqualTo("IPv4-mapped"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1.1.1.1",
        "100.63.255.255",
        "100.128.0.0",
        "172.15.255.255",
        "172.32.0.0",
        "192.167.255.255",
        "192.169.0.0",
        "169.253.255.255",
        "169.255.0.0",
        "192.0.1.1",
        "198.17.255.255",
        "198.20.0.0",
        "223.255.255.255",
        "2606:4700:4700::1111",
        "2001:4860:4860::8888",
        "2002:808:808::1",
        "64:ff9b::8.8.8.8",
        "2c0f:f248::1"
      })
  void publicUnicastAddressesAreNotInternal(String literal) throws Exception {
    assertThat(InternalAddresses.classify(InetAddress.getByName(literal))).isEmpty();
  }
}
