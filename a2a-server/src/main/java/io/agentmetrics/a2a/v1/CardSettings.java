package io.agentmetrics.a2a.v1;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the agent card is served: which card a request to {@code /.well-known/agent-card.json}
 * without {@code A2A-Version} gets, and the key the 1.0 card is signed with, if any.
 *
 * @param wellKnown the card of a request that names no version
 * @param signer signs the 1.0 card, or {@code null} to serve it unsigned
 * @since 0.1.0
 */
public record CardSettings(WellKnownCard wellKnown, @Nullable CardSigner signer) {

  /** The variable choosing {@link #wellKnown()}: {@code union} (default) or {@code 1.0}. */
  public static final String AGENT_CARD = "A2A_AGENT_CARD";

  /** The variable naming the PEM file (PKCS#8) of the card signing key. */
  public static final String SIGNING_KEY = "A2A_CARD_SIGNING_KEY";

  /** The variable holding the signing key's {@code kid}; required with {@link #SIGNING_KEY}. */
  public static final String SIGNING_KEY_ID = "A2A_CARD_SIGNING_KEY_ID";

  /** The variable holding the {@code jku}: the URL of the JWK set with the public key. */
  public static final String JWKS_URL = "A2A_CARD_JWKS_URL";

  /** Checks the card choice. */
  public CardSettings {
    requireNonNull(wellKnown, "wellKnown");
  }

  /**
   * The union card, unsigned.
   *
   * @return the defaults
   * @since 0.1.0
   */
  public static CardSettings defaults() {
    return new CardSettings(WellKnownCard.UNION, null);
  }

  /**
   * The settings the environment names.
   *
   * @param env the environment
   * @return the settings
   * @throws IllegalArgumentException naming the variable whose value is unusable
   * @throws IOException if the key file cannot be read
   * @since 0.1.0
   */
  public static CardSettings fromEnvironment(Map<String, String> env) throws IOException {
    WellKnownCard wellKnown =
        switch (env.getOrDefault(AGENT_CARD, "union").trim().toLowerCase(Locale.ROOT)) {
          case "", "union" -> WellKnownCard.UNION;
          case "1.0" -> WellKnownCard.V1_0;
          default ->
              throw new IllegalArgumentException(
                  AGENT_CARD
                      + " must be 'union' or '1.0', got '"
                      + Sanitize.header(env.getOrDefault(AGENT_CARD, ""))
                      + "'");
        };
    String key = blankToNull(env.get(SIGNING_KEY));
    if (key == null) {
      return new CardSettings(wellKnown, null);
    }
    String keyId = blankToNull(env.get(SIGNING_KEY_ID));
    if (keyId == null) {
      throw new IllegalArgumentException(
          SIGNING_KEY_ID + " is required with " + SIGNING_KEY + ": the kid verifiers look up");
    }
    try {
      return new CardSettings(
          wellKnown,
          new CardSigner(CardSigner.readKey(Path.of(key)), keyId, blankToNull(env.get(JWKS_URL))));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(SIGNING_KEY + ": " + e.getMessage(), e);
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /**
   * The card of a request to {@code /.well-known/agent-card.json} that names no version.
   *
   * @since 0.1.0
   */
  public enum WellKnownCard {
    /**
     * The 1.0 card with the 0.3 card's fields added ({@code url}, {@code protocolVersion}, ...),
     * which clients of both versions read, as the A2A 1.0 announcement and the official SDKs serve
     * it. The 1.0 TCK's schema admits no extra field, so run it against {@link #V1_0}.
     */
    UNION,
    /** The 1.0 card exactly as the proto defines it. */
    V1_0
  }
}
