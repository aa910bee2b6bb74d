package io.agentmetrics.agent.llm;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;

/** Argument checks shared by the config builders of this package. */
final class ConfigChecks {

  private ConfigChecks() {}

  static Duration positive(Duration value, String field) {
    requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, got " + value);
    }
    return value;
  }

  static Duration nonNegative(Duration value, String field) {
    requireNonNull(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative, got " + value);
    }
    return value;
  }

  static String notBlank(String value, String field) {
    requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  /** An absolute http(s) URI without a trailing slash, so that paths can be appended to it. */
  static URI httpBaseUri(URI value, String field) {
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

  static URI httpBaseUri(String value, String field) {
    requireNonNull(value, field);
    try {
      return httpBaseUri(URI.create(value.trim()), field);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(field)) {
        throw e;
      }
      throw new IllegalArgumentException(field + " is not a valid URL: " + value, e);
    }
  }
}
