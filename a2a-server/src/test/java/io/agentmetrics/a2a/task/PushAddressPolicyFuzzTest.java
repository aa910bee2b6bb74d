package io.agentmetrics.a2a.task;

import static io.agentmetrics.a2a.task.PushUrls.checked;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Any IPv4 or IPv6 address, resolved from a name or written into a push URL in any of several
 * spellings: the push policy never allows an address that {@link InetAddress} itself calls internal
 * (any-local, loopback, link-local, site-local, multicast), one in the other non-public ranges the
 * issue names (0/8, 100.64/10, 240/4, documentation and benchmarking ranges, fc00::/7), or one that
 * carries such an IPv4 address in IPv4-mapped, IPv4-compatible, 6to4 or NAT64 form; and the URL
 * check and the resolver check agree on every spelling of the same address.
 *
 * <p>Input: one byte choosing the family (lowest bit: IPv6) and the spelling, then the address
 * bytes. The oracle below reads InetAddress's flags and its own range table; it shares no code with
 * {@link InternalAddresses}.
 */
class PushAddressPolicyFuzzTest {

  /** Non-public ranges InetAddress has no flag for. */
  private static final List<Cidr> EXTRA =
      List.of(
          Cidr.of("0.0.0.0", 8),
          Cidr.of("100.64.0.0", 10),
          Cidr.of("192.0.0.0", 24),
          Cidr.of("192.0.2.0", 24),
          Cidr.of("198.18.0.0", 15),
          Cidr.of("198.51.100.0", 24),
          Cidr.of("203.0.113.0", 24),
          Cidr.of("240.0.0.0", 4),
          Cidr.of("fc00::", 7),
          Cidr.of("2001:db8::", 32));

  /** IPv6 prefixes that carry an IPv4 address, and where it sits. */
  private static final List<Carrier> CARRIERS =
      List.of(
          new Carrier(Cidr.of("::ffff:0:0", 96), 12),
          new Carrier(Cidr.of("::", 96), 12),
          new Carrier(Cidr.of("64:ff9b::", 96), 12),
          new Carrier(Cidr.of("2002::", 16), 2));

  /** Reads literals only: a fuzzed host must never reach DNS. */
  private static final HostResolver LITERALS_ONLY =
      host -> {
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+]")) {
          throw new AssertionError("not a literal: " + host);
        }
        return InetAddress.getAllByName(host);
      };

  private static final PushUrlPolicy URLS =
      new PushUrlPolicy(List.of(), new PushAddressPolicy(false, LITERALS_ONLY));

  @FuzzTest(maxDuration = "60s")
  void noInternalAddressIsEverAllowed(byte @NotNull [] input) throws Exception {
    if (input.length < 1) {
      return;
    }
    boolean ipv6 = (input[0] & 1) == 1;
    int length = ipv6 ? 16 : 4;
    if (input.length < 1 + length) {
      return;
    }
    byte[] bytes = Arrays.copyOfRange(input, 1, 1 + length);
    InetAddress address =
        ipv6 ? Inet6Address.getByAddress(null, bytes, null) : Inet4Address.getByAddress(bytes);
    String url = "http://" + spell(address, (input[0] & 0xff) >>> 1) + "/hook";

    boolean resolvedAllowed =
        allows(new PushAddressPolicy(false, host -> new InetAddress[] {address}));
    boolean urlAllowed = allows(url);

    if (internal(address)) {
      assertThat(resolvedAllowed).as("%s resolved from a name", address).isFalse();
      assertThat(urlAllowed).as(url).isFalse();
    }
    assertThat(urlAllowed).as("%s agrees with the resolver check", url).isEqualTo(resolvedAllowed);
  }

  /** InetAddress's view, the extra ranges, and the IPv4 address an IPv6 one may carry. */
  static boolean internal(InetAddress address) throws UnknownHostException {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (EXTRA.stream().anyMatch(range -> range.contains(bytes))) {
      return true;
    }
    for (Carrier carrier : CARRIERS) {
      if (carrier.prefix().contains(bytes)
          && internal(
              InetAddress.getByAddress(
                  Arrays.copyOfRange(bytes, carrier.offset(), carrier.offset() + 4)))) {
        return true;
      }
    }
    return false;
  }

  /** The address as a URL host, in one of the spellings that denote that same address. */
  private static String spell(InetAddress address, int style) {
    byte[] b = address.getAddress();
    if (b.length == 4) {
      String dotted = address.getHostAddress();
      return switch (style % 4) {
        case 0 -> dotted;
        case 1 -> Long.toString(Integer.toUnsignedLong(ByteBuffer.wrap(b).getInt()));
        case 2 -> "[::ffff:" + dotted + "]";
        default -> String.format("[::ffff:%02x%02x:%02x%02x]", b[0], b[1], b[2], b[3]);
      };
    }
    String full = address.getHostAddress();
    if (style % 2 == 0) {
      return "[" + full + "]";
    }
    String sixGroups = full.substring(0, nthIndexOf(full, ':', 6) + 1);
    return String.format(
        "[%s%d.%d.%d.%d]", sixGroups, b[12] & 0xff, b[13] & 0xff, b[14] & 0xff, b[15] & 0xff);
  }

  private static int nthIndexOf(String text, char c, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = text.indexOf(c, at + 1);
    }
    return at;
  }

  private static boolean allows(PushAddressPolicy policy) throws UnknownHostException {
    try {
      policy.resolve("fuzzed.example");
      return true;
    } catch (RefusedAddressException e) {
      return false;
    }
  }

  private static boolean allows(String url) {
    try {
      checked(URLS, url);
      return true;
    } catch (TaskException e) {
      return false;
    }
  }

  /** An address prefix, compared bit by bit. */
  // The network bytes are read, never compared as a whole; no one compares or hashes a Cidr.
  @SuppressWarnings("ArrayRecordComponent")
  private record Cidr(byte[] network, int bits) {
    static Cidr of(String literal, int bits) {
      byte[] bytes;
      try {
        bytes = InetAddress.getByName(literal).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(literal, e);
      }
      if (literal.contains(":") && bytes.length == 4) {
        // InetAddress unwraps ::ffff:a.b.c.d to IPv4; the prefix is the IPv6 form.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        bytes = mapped;
      }
      return new Cidr(bytes, bits);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  /** An IPv6 prefix whose addresses carry an IPv4 address at {@code offset}. */
  private record Carrier(Cidr prefix, int offset) {}
}
