package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.HostPort;
import org.jspecify.annotations.Nullable;

/**
 * Guards a server bound to loopback against browsers: a request whose {@code Host}, or {@code
 * Origin} when it has one, names neither this machine ({@code localhost}, 127.0.0.0/8, {@code
 * [::1]}) nor a host listed in {@code A2A_ALLOWED_HOSTS} gets 403. A page of another site reaches a
 * loopback server only that way: by pointing its own DNS name at 127.0.0.1 (DNS rebinding, which
 * leaves its name in {@code Host}) or by calling across sites (which leaves its {@code Origin}).
 * Origins allowed by {@code A2A_CORS_ORIGINS} pass. Names are compared as written, never resolved.
 *
 * <p>Thread-safe.
 */
final class LoopbackHostGuard extends Handler.Wrapper {

  private static final Pattern LOOPBACK_V4 =
      Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

  private final ObjectMapper mapper;
  private final Set<String> allowedHosts;
  private final Set<String> corsOrigins;
  private final boolean anyOrigin;

  /** The last Host header allowed: a client sends the same one with every request. */
  private volatile @Nullable String lastAllowedHost;

  LoopbackHostGuard(
      ObjectMapper mapper, List<String> allowedHosts, List<String> corsOrigins, Handler next) {
    super(next);
    this.mapper = mapper;
    this.allowedHosts =
        allowedHosts.stream().map(LoopbackHostGuard::normalize).collect(Collectors.toSet());
    this.corsOrigins = Set.copyOf(corsOrigins);
    this.anyOrigin = corsOrigins.contains("*");
  }

  /** Whether {@code host} (a name or an address literal, brackets allowed) is this machine. */
  static boolean isLoopback(String host) {
    String name = normalize(host);
    if (name.equals("localhost") || LOOPBACK_V4.matcher(name).matches()) {
      return true;
    }
    if (!name.contains(":")) {
      return false;
    }
    try {
      // An IPv6 literal: parsed, never looked up.
      return InetAddress.getByName(name).isLoopbackAddress();
    } catch (UnknownHostException notALiteral) {
      return false;
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (host != null && !host.equals(lastAllowedHost)) {
      if (!allowed(hostOfAuthority(host))) {
        return forbid(request, response, callback, "Host");
      }
      lastAllowedHost = host;
    }
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin != null
        && !anyOrigin
        && !corsOrigins.contains(origin)
        && !allowed(hostOfOrigin(origin))) {
      return forbid(request, response, callback, "Origin");
    }
    return super.handle(request, response, callback);
  }

  private boolean allowed(@Nullable String host) {
    return host != null && (isLoopback(host) || allowedHosts.contains(normalize(host)));
  }

  private boolean forbid(Request request, Response response, Callback callback, String header) {
    Routes.closeIfBodyUnread(request, response);
    HttpJson.error(
        mapper,
        response,
        callback,
        HttpStatus.FORBIDDEN_403,
        "Forbidden: the "
            + header
            + " header names neither this machine (localhost, 127.0.0.0/8, [::1]) nor a host"
            + " listed in A2A_ALLOWED_HOSTS");
    return true;
  }

  private static @Nullable String hostOfAuthority(String authority) {
    try {
      return new HostPort(authority).getHost();
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }

  private static @Nullable String hostOfOrigin(String origin) {
    try {
      return new URI(origin).getHost();
    } catch (URISyntaxException malformed) {
      return null;
    }
  }

  private static String normalize(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
  }
}
