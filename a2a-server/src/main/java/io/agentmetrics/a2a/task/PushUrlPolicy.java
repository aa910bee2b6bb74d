package io.agentmetrics.a2a.task;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which push-notification URLs are acceptable: absolute http(s) URLs (the scheme in any case) with
 * a host and without user info; when an allow-list is configured, only hosts on it ({@code
 * example.com} exactly, or {@code *.example.com} for its subdomains); and, when the config is set,
 * only hosts whose addresses the {@link PushAddressPolicy} accepts.
 *
 * <p>A host name that does not resolve when the config is set is accepted: DNS may be down for a
 * while, and every push attempt resolves and checks the host again before it connects. The lookup
 * has no deadline of its own: {@link PushUrlChecker} bounds it for requests.
 *
 * <p>Immutable and thread-safe.
 */
final class PushUrlPolicy {

  /** A host whose last label is a number (decimal or 0x hex) is an IPv4 address, not a name. */
  private static final Pattern NUMERIC_HOST =
      Pattern.compile("(?i).*?(^|\\.)(\\d+|0x[0-9a-f]*)\\.?$");

  /** The IPv4 spellings every parser reads alike: decimal numbers without leading zeros. */
  private static final Pattern PLAIN_NUMERIC_HOST =
      Pattern.compile("(0|[1-9]\\d{0,9})(\\.(0|[1-9]\\d{0,2})){0,3}");

  private final List<String> allowedHosts;
  private final PushAddressPolicy addresses;

  PushUrlPolicy(List<String> allowedHosts, PushAddressPolicy addresses) {
    this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    this.addresses = addresses;
  }

  /**
   * Parses the URL and checks everything but its addresses.
   *
   * @param url the URL a client gave
   * @return the URL with its scheme in lower case
   * @throws TaskException naming the field and the rule it broke
   */
  URI parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalid("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid("must use http or https");
    }
    if (uri.getRawUserInfo() != null) {
      throw invalid(
          "must not carry user info (user:password@); send credentials in"
              + " pushNotificationConfig.authentication");
    }
    String host = uri.getHost();
    if (host == null) {
      throw invalid("must name a host");
    }
    if (NUMERIC_HOST.matcher(host).matches() && !PLAIN_NUMERIC_HOST.matcher(host).matches()) {
      throw invalid(
          "host is an IPv4 address in a form parsers read differently (octal, hex or leading"
              + " zeros); write it in dotted decimal");
    }
    if (!allowedHosts.isEmpty() && !allowed(host.toLowerCase(Locale.ROOT))) {
      throw invalid("host is not on the push allow-list (A2A_PUSH_ALLOWED_HOSTS)");
    }
    return URI.create(scheme + url.substring(uri.getScheme().length()));
  }

  /**
   * Resolves the host of a URL {@link #parse} returned and checks every address; this may block for
   * as long as DNS takes, so requests go through {@link PushUrlChecker}.
   *
   * @param uri a URL {@link #parse} returned
   * @return {@code uri}
   * @throws TaskException naming the field and the rule it broke
   */
  URI checkAddresses(URI uri) {
    try {
      addresses.resolve(uri.getHost());
    } catch (RefusedAddressException e) {
      throw invalid("host " + e.getMessage());
    } catch (UnknownHostException e) {
      if (uri.getHost().startsWith("[")) {
        throw invalid("host is not a valid IPv6 address");
      }
      // A name that does not resolve now is checked again before every connection.
    }
    return uri;
  }

  private boolean allowed(String host) {
    for (String rule : allowedHosts) {
      if (rule.startsWith("*.") ? host.endsWith(rule.substring(1)) : host.equals(rule)) {
        return true;
      }
    }
    return false;
  }

  /** The refusal of a push URL that breaks a rule; {@code why} completes the sentence. */
  static TaskException invalid(String why) {
    return new TaskException(
        TaskException.Reason.INVALID_PARAMS, "pushNotificationConfig.url " + why);
  }
}
