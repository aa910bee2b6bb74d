package io.agentmetrics.a2a.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.lf.a2a.v1.AgentCapabilities;
import com.google.lf.a2a.v1.AgentCard;
import com.google.lf.a2a.v1.AgentCardSignature;
import io.agentmetrics.a2a.EnvironmentConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JWS (RFC 7515) over the RFC 8785 form of the card, verified the way section 8.4.3 describes. */
class CardSignerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AgentCard CARD =
      AgentCard.newBuilder()
          .setName("Example Agent")
          .setDescription("")
          .setVersion("1.0.0")
          .setCapabilities(AgentCapabilities.newBuilder().setStreaming(false))
          .build();

  @Test
  void theCanonicalPayloadSortsKeysDropsDefaultsAndKeepsRequiredFields() {
    String payload = new String(CardSigner.canonicalPayload(CARD), StandardCharsets.UTF_8);

    // The example of section 8.4.1: required fields stay (description ""), optional ones that were
    // set stay (streaming false), empty repeated fields that are not required go.
    assertThat(payload)
        .isEqualTo(
            "{\"capabilities\":{\"streaming\":false},\"defaultInputModes\":[],"
                + "\"defaultOutputModes\":[],\"description\":\"\",\"name\":\"Example Agent\","
                + "\"skills\":[],\"supportedInterfaces\":[],\"version\":\"1.0.0\"}");
  }

  @Test
  void anEs256SignatureVerifiesAgainstThePublicKey() throws Exception {
    KeyPair keys = ecKeys("secp256r1");
    AgentCard signed =
        new CardSigner(keys.getPrivate(), "key-1", "https://example.com/jwks.json").sign(CARD);

    AgentCardSignature signature = signed.getSignatures(0);
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(signature.getProtected()));
    assertThat(header.path("alg").asText()).isEqualTo("ES256");
    assertThat(header.path("typ").asText()).isEqualTo("JOSE");
    assertThat(header.path("kid").asText()).isEqualTo("key-1");
    assertThat(header.path("jku").asText()).isEqualTo("https://example.com/jwks.json");
    assertThat(verifies(signed, keys.getPublic(), "SHA256withECDSAinP1363Format")).isTrue();
  }

  @Test
  void anRs256SignatureVerifiesAndATamperedCardDoesNot() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair keys = rsa.generateKeyPair();
    AgentCard signed = new CardSigner(keys.getPrivate(), "rsa", null).sign(CARD);

    AgentCard tampered = signed.toBuilder().setDescription("changed").build();

    assertThat(verifies(signed, keys.getPublic(), "SHA256withRSA")).isTrue();
    assertThat(verifies(tampered, keys.getPublic(), "SHA256withRSA")).isFalse();
  }

  @Test
  void aPkcs8PemKeyIsRead(@TempDir Path dir) throws Exception {
    KeyPair keys = ecKeys("secp384r1");
    Path pem = dir.resolve("card.pem");
    Files.writeString(
        pem,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");

    assertThat(new CardSigner(CardSigner.readKey(pem), "k", null).algorithm()).isEqualTo("ES384");
  }

  @Test
  void settingsNeedAKeyIdWithAKeyAndAKnownCardChoice() {
    assertThatThrownBy(
            () -> EnvironmentConfig.of(Map.of(CardSettings.SIGNING_KEY, "/nonexistent")).cards())
        .hasMessageContaining(CardSettings.SIGNING_KEY_ID);
    assertThatThrownBy(() -> EnvironmentConfig.of(Map.of(CardSettings.AGENT_CARD, "2.0")).cards())
        .hasMessageContaining(CardSettings.AGENT_CARD);
  }

  private static KeyPair ecKeys(String curve) throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec(curve));
    return ec.generateKeyPair();
  }

  /** Section 8.4.3: rebuild the payload from the received card and check the detached JWS. */
  private static boolean verifies(AgentCard received, PublicKey key, String algorithm)
      throws Exception {
    AgentCardSignature jws = received.getSignatures(0);
    String input =
        jws.getProtected()
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(CardSigner.canonicalPayload(received));
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(key);
    verifier.update(input.getBytes(StandardCharsets.US_ASCII));
    return verifier.verify(Base64.getUrlDecoder().decode(jws.getSignature()));
  }
}
