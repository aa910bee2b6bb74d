package io.agentmetrics.a2a.task;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a host name or address literal to its addresses; tests substitute one to play DNS.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
interface HostResolver {

  /** The system resolver: {@link InetAddress#getAllByName(String)}. */
  static HostResolver system() {
    return InetAddress::getAllByName;
  }

  /**
   * Every address of {@code host}.
   *
   * @param host a name, an IPv4 literal or a bracketed IPv6 literal
   * @return at least one address
   * @throws UnknownHostException if the host does not resolve
   */
  InetAddress[] resolve(String host) throws UnknownHostException;
}
