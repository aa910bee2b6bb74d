package io.agentmetrics.agent.llm;

import java.util.List;

/**
 * Removes secrets from text before it reaches an exception message or a log line, in case a
 * provider or proxy echoes a key back in an error body.
 *
 * <p>Immutable and thread-safe.
 */
final class SecretRedactor {

  static final String MASK = "[REDACTED]";

  /** Shorter values are not treated as secrets; replacing them would mangle ordinary text. */
  private static final int MIN_SECRET_LENGTH = 4;

  private final List<String> secrets;

  private SecretRedactor(List<String> secrets) {
    this.secrets = secrets;
  }

  static SecretRedactor none() {
    return new SecretRedactor(List.of());
  }

  static SecretRedactor of(String secret) {
    return secret.length() < MIN_SECRET_LENGTH ? none() : new SecretRedactor(List.of(secret));
  }

  String redact(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }
}
