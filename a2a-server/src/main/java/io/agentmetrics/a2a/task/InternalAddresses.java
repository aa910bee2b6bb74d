package io.agentmetrics.a2a.task;

import java.net.InetAddress;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Tells internal addresses from public ones, for push notifications: an address is internal when it
 * is unspecified, loopback, link-local, private, multicast or reserved (IANA's special-purpose
 * registries), including an IPv4 address carried inside an IPv6 one in IPv4-mapped,
 * IPv4-compatible, 6to4 or NAT64 form. Every IPv6 address outside global unicast ({@code 2000::/3})
 * is reserved, except those four forms, which are judged by the IPv4 address they carry.
 *
 * <p>Stateless and thread-safe.
 */
final class InternalAddresses {

  /** The kinds of internal address, each described by the ranges it covers. */
  enum Range {
    UNSPECIFIED("an unspecified address (0.0.0.0/8, ::)"),
    LOOPBACK("a loopback address (127.0.0.0/8, ::1, localhost)"),
    LINK_LOCAL(
        "a link-local address (169.254.0.0/16, where cloud metadata services live, and fe80::/10)"),
    PRIVATE("a private address (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7, fec0::/10)"),
    MULTICAST("a multicast address (224.0.0.0/4, ff00::/8)"),
    RESERVED(
        "a reserved address (240.0.0.0/4, documentation, benchmarking, IETF protocol or"
            + " non-global IPv6 ranges)");

    private final String description;

    Range(String description) {
      this.description = description;
    }
  }

  /**
   * Why an address is internal.
   *
   * @param range the kind of internal address
   * @param form how an IPv6 address carries the internal IPv4 one, or {@code null} for none
   */
  record Verdict(Range range, @Nullable String form) {

    /** For example "a loopback address (127.0.0.0/8, ::1, localhost) in 6to4 form". */
    String describe() {
      return form == null ? range.description : range.description + " in " + form + " form";
    }
  }

  private static final long NAT64_PREFIX = 0x0064_ff9b_0000_0000L;

  private InternalAddresses() {}

  /**
   * Why {@code address} is internal, or empty if it is a public unicast address.
   *
   * @param address an IPv4 or IPv6 address
   * @return the verdict, or empty for a public address
   */
  static Optional<Verdict> classify(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 4) {
      return ipv4(toInt(bytes, 0)).map(range -> new Verdict(range, null));
    }
    long high = toLong(bytes, 0);
    long low = toLong(bytes, 8);
    return ipv6(high, low);
  }

  private static Optional<Range> ipv4(int a) {
    int first = a >>> 24;
    Range range;
    if (first == 0) {
      range = Range.UNSPECIFIED;
    } else if (first == 127) {
      range = Range.LOOPBACK;
    } else if (in(a, 169, 254, 0, 16)) {
      range = Range.LINK_LOCAL;
    } else if (first == 10
        || in(a, 172, 16, 0, 12)
        || in(a, 192, 168, 0, 16)
        || in(a, 100, 64, 0, 10)) {
      range = Range.PRIVATE;
    } else if (first >= 224 && first < 240) {
      range = Range.MULTICAST;
    } else if (first >= 240
        || in(a, 192, 0, 0, 24) // IETF protocol assignments
        || in(a, 192, 0, 2, 24) // TEST-NET-1
        || in(a, 192, 88, 99, 24) // deprecated 6to4 relay anycast
        || in(a, 198, 18, 0, 15) // benchmarking
        || in(a, 198, 51, 100, 24) // TEST-NET-2
        || in(a, 203, 0, 113, 24)) { // TEST-NET-3
      range = Range.RESERVED;
    } else {
      return Optional.empty();
    }
    return Optional.of(range);
  }

  private static Optional<Verdict> ipv6(long high, long low) {
    if (high == 0 && low == 0) {
      return verdict(Range.UNSPECIFIED);
    }
    if (high == 0 && low == 1) {
      return verdict(Range.LOOPBACK);
    }
    if (high == 0 && low >>> 32 == 0xffff) {
      return embedded((int) low, "IPv4-mapped");
    }
    if (high == 0 && low >>> 32 == 0) {
      // IPv4-compatible addresses are deprecated (RFC 4291): reserved whatever they carry.
      return embedded((int) low, "IPv4-compatible").or(() -> verdict(Range.RESERVED));
    }
    if (high == NAT64_PREFIX && low >>> 32 == 0) {
      return embedded((int) low, "NAT64");
    }
    if (high >>> 48 == 0x2002) {
      return embedded((int) (high >>> 16), "6to4");
    }
    int top16 = (int) (high >>> 48);
    if (top16 >>> 8 == 0xff) {
      return verdict(Range.MULTICAST);
    }
    if (top16 >>> 6 == 0xfe80 >>> 6) {
      return verdict(Range.LINK_LOCAL);
    }
    if (top16 >>> 6 == 0xfec0 >>> 6 || top16 >>> 9 == 0xfc00 >>> 9) {
      return verdict(Range.PRIVATE);
    }
    if (top16 >>> 13 != 0b001 // outside global unicast, 2000::/3
        || high >>> 41 == 0x2001_0000_0000_0000L >>> 41 // 2001::/23, Teredo included
        || high >>> 32 == 0x2001_0db8L // documentation
        || top16 >>> 4 == 0x3fff >>> 4) { // documentation, 3fff::/20
      return verdict(Range.RESERVED);
    }
    return Optional.empty();
  }

  private static Optional<Verdict> embedded(int ipv4, String form) {
    return ipv4(ipv4).map(range -> new Verdict(range, form));
  }

  private static Optional<Verdict> verdict(Range range) {
    return Optional.of(new Verdict(range, null));
  }

  /** Whether {@code a} is in {@code w.x.y.0/bits}. */
  private static boolean in(int a, int w, int x, int y, int bits) {
    int network = w << 24 | x << 16 | y << 8;
    return (a ^ network) >>> (32 - bits) == 0;
  }

  private static int toInt(byte[] bytes, int from) {
    return (bytes[from] & 0xff) << 24
        | (bytes[from + 1] & 0xff) << 16
        | (bytes[from + 2] & 0xff) << 8
        | (bytes[from + 3] & 0xff);
  }

  private static long toLong(byte[] bytes, int from) {
    return ((long) toInt(bytes, from) << 32) | (toInt(bytes, from + 4) & 0xffff_ffffL);
  }
}
