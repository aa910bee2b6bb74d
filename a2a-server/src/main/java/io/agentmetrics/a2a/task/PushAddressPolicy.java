package io.agentmetrics.a2a.task;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves push hosts and refuses every one that has an internal address (see {@link
 * InternalAddresses}), unless private addresses are allowed. Both the check when a config is set
 * and the connection of every push attempt go through {@link #resolve}, so a push connects only to
 * an address this policy has just checked, whatever DNS answers in between.
 *
 * <p>Immutable and thread-safe.
 */
final class PushAddressPolicy {

  private final boolean allowPrivate;
  private final HostResolver resolver;

  PushAddressPolicy(boolean allowPrivate, HostResolver resolver) {
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
  }

  /**
   * Every address of {@code host}, each one checked.
   *
   * @param host a name or an address literal (IPv6 in brackets)
   * @return the addresses to connect to
   * @throws UnknownHostException if the host does not resolve
   * @throws RefusedAddressException if any of its addresses is internal and private addresses are
   *     not allowed
   */
  List<InetAddress> resolve(String host) throws UnknownHostException, RefusedAddressException {
    if (!allowPrivate && isLocalhostName(host)) {
      // RFC 6761: localhost names are loopback whatever a resolver says.
      throw new RefusedAddressException(
          new InternalAddresses.Verdict(InternalAddresses.Range.LOOPBACK, null));
    }
    List<InetAddress> addresses = List.of(resolver.resolve(host));
    if (!allowPrivate) {
      for (InetAddress address : addresses) {
        Optional<InternalAddresses.Verdict> internal = InternalAddresses.classify(address);
        if (internal.isPresent()) {
          throw new RefusedAddressException(internal.get());
        }
      }
    }
    return addresses;
  }

  private static boolean isLocalhostName(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    return name.equals("localhost") || name.endsWith(".localhost");
  }
}
