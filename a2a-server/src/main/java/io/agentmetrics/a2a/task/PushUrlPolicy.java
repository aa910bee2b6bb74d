package io.agentmetrics.a2a.task;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Which push-notification URLs are acceptable: absolute http(s) URLs with a host, and, when an
 * allow-list is configured, only hosts on it ({@code example.com} exactly, or {@code *.example.com}
 * for its subdomains).
 *
 * <p>Immutable and thread-safe.
 */
final class PushUrlPolicy {

  private final List<String> allowedHosts;

  PushUrlPolicy(List<String> allowedHosts) {
    this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
  }

  /** Returns the parsed URL, or throws naming the field and the rule it broke. */
  URI check(String url) {
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
    if (uri.getHost() == null) {
      throw invalid("must name a host");
    }
    if (!allowedHosts.isEmpty() && !allowed(uri.getHost().toLowerCase(Locale.ROOT))) {
      throw invalid("host is not on the push allow-list (A2A_PUSH_ALLOWED_HOSTS)");
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

  private static TaskException invalid(String why) {
    return new TaskException(
        TaskException.Reason.INVALID_PARAMS, "pushNotificationConfig.url " + why);
  }
}
