package io.agentmetrics.agent.llm;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * The check of a provider's base URL, shared by the provider configurations and the environment.
 */
final class HttpBaseUri {

  private HttpBaseUri() {}

  /**
   * Returns {@code value}, an absolute http(s) URI without a query or fragment, less its trailing
   * slash, so that paths can be appended to it; otherwise throws naming {@code field}.
   */
  static URI check(URI value, String field) {
    requireNonNull(value, field);
    String scheme = value.getScheme();
    if (!value.isAbsolute()
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        || value.getHost() == null) {
      throw new IllegalArgumentException(
          field
              + " must be an absolute http or https URL such as http://localhost:11434/v1, got "
              + value);
    }
    if (value.getRawQuery() != null || value.getRawFragment() != null) {
      throw new IllegalArgumentException(
          field + " must not have a query or fragment, got " + value);
    }
    String text = value.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : value;
  }
}
