package io.agentmetrics.a2a.v1;

import static java.util.Objects.requireNonNull;

import com.google.lf.a2a.v1.AgentCard;
import com.google.lf.a2a.v1.AgentCardSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;
import org.jspecify.annotations.Nullable;

/**
 * Signs the A2A 1.0 agent card (specification section 8.4) with a JWS (RFC 7515) whose payload is
 * the card's RFC 8785 canonical JSON: the card as ProtoJSON without {@code signatures}, default
 * values omitted and required fields kept, then canonicalized. The signature is detached: the card
 * carries {@code protected} and {@code signature}, and a verifier rebuilds the payload from the
 * card it received. ES256 and ES384 (EC P-256 and P-384 keys) and RS256 (RSA keys), with the JDK's
 * own providers.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class CardSigner {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final PrivateKey key;
  private final String algorithm;
  private final String jdkAlgorithm;
  private final String protectedHeader;

  /**
   * A signer.
   *
   * @param key an EC (P-256 or P-384) or RSA private key
   * @param keyId the {@code kid} a verifier looks the public key up by
   * @param jwksUrl the {@code jku}, a URL of the JWK set holding the public key, or {@code null}
   * @throws IllegalArgumentException if the key is of another type or curve
   * @since 0.1.0
   */
  public CardSigner(PrivateKey key, String keyId, @Nullable String jwksUrl) {
    this.key = requireNonNull(key, "key");
    requireNonNull(keyId, "keyId");
    if (key instanceof ECPrivateKey ec) {
      int bits = ec.getParams().getCurve().getField().getFieldSize();
      if (bits == 256) {
        algorithm = "ES256";
        jdkAlgorithm = "SHA256withECDSAinP1363Format";
      } else if (bits == 384) {
        algorithm = "ES384";
        jdkAlgorithm = "SHA384withECDSAinP1363Format";
      } else {
        throw new IllegalArgumentException(
            "the card signing key must be on P-256 or P-384, got a " + bits + "-bit curve");
      }
    } else if ("RSA".equals(key.getAlgorithm())) {
      algorithm = "RS256";
      jdkAlgorithm = "SHA256withRSA";
    } else {
      throw new IllegalArgumentException(
          "the card signing key must be an EC or RSA private key, got " + key.getAlgorithm());
    }
    Map<String, String> header = new LinkedHashMap<>();
    header.put("alg", algorithm);
    header.put("typ", "JOSE");
    header.put("kid", keyId);
    if (jwksUrl != null) {
      header.put("jku", jwksUrl);
    }
    StringBuilder json = new StringBuilder("{");
    header.forEach(
        (name, value) ->
            json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(name)
                .append("\":\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                .append('"'));
    this.protectedHeader =
        BASE64URL.encodeToString(json.append('}').toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}) from a PEM file.
   *
   * @param pem the file
   * @return the key
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if it holds no PKCS#8 EC or RSA key
   * @since 0.1.0
   */
  public static PrivateKey readKey(Path pem) throws IOException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = text.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          pem
              + " holds no PKCS#8 private key (-----BEGIN PRIVATE KEY-----); convert it with"
              + " openssl pkcs8 -topk8 -nocrypt");
    }
    byte[] der =
        Base64.getMimeDecoder()
            .decode(text.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end));
    for (String type : new String[] {"EC", "RSA"}) {
      try {
        return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next key type
      }
    }
    throw new IllegalArgumentException(pem + " holds neither an EC nor an RSA private key");
  }

  /**
   * The JWS algorithm, such as {@code ES256}.
   *
   * @return the {@code alg}
   * @since 0.1.0
   */
  public String algorithm() {
    return algorithm;
  }

  /**
   * {@code card} with one signature over its canonical form; signatures it already has are
   * replaced.
   *
   * @param card the card
   * @return the signed card
   * @since 0.1.0
   */
  public AgentCard sign(AgentCard card) {
    byte[] payload = canonicalPayload(card);
    String signingInput = protectedHeader + "." + BASE64URL.encodeToString(payload);
    try {
      Signature signature = Signature.getInstance(jdkAlgorithm);
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return card.toBuilder()
          .clearSignatures()
          .addSignatures(
              AgentCardSignature.newBuilder()
                  .setProtected(protectedHeader)
                  .setSignature(BASE64URL.encodeToString(signature.sign())))
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK signs " + jdkAlgorithm, e);
    }
  }

  /**
   * The JWS payload of {@code card}: its RFC 8785 canonical JSON without {@code signatures}.
   *
   * @param card the card
   * @return the UTF-8 bytes
   * @since 0.1.0
   */
  public static byte[] canonicalPayload(AgentCard card) {
    try {
      return new JsonCanonicalizer(ProtoJson.write(card.toBuilder().clearSignatures()))
          .getEncodedUTF8();
    } catch (IOException e) {
      throw new IllegalStateException("ProtoJSON is JSON", e);
    }
  }
}
