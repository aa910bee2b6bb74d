package io.agentmetrics.a2a.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.dto.JsonMappers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestEnvelopeTest {

  private static final ObjectMapper MAPPER = JsonMappers.create(32, 1 << 16, 1 << 20, 10_000);

  @Test
  void paramsAreTheExactSpanOfTheirObjectWhereverTheyStand() {
    String params = "{\"a\":[1,{\"b\":\"}\\\"\"}],\"c\":\"\u00e9\u20ac\"}";
    byte[] body =
        ("\uFEFF{\"x\":\"\u00fc\u20ac\",\"params\":"
                + params
                + ",\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":7}")
            .getBytes(StandardCharsets.UTF_8);

    RequestEnvelope envelope = RequestEnvelope.read(MAPPER, body);

    Params read = envelope.params();
    assertThat(read.shape()).isEqualTo(Params.Shape.OBJECT);
    assertThat(new String(read.body(), read.offset(), read.length(), StandardCharsets.UTF_8))
        .isEqualTo(params);
    assertThat(envelope.method()).isEqualTo("m");
    assertThat(envelope.version()).isEqualTo("2.0");
    assertThat(envelope.id().asLong()).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "[1]", "\"p\"", "3"})
  void paramsThatAreNotAnObjectAreToldApart(String params) {
    RequestEnvelope envelope =
        RequestEnvelope.read(
            MAPPER, ("{\"params\":" + params + "}").getBytes(StandardCharsets.UTF_8));

    assertThat(envelope.params().shape())
        .isEqualTo(params.equals("null") ? Params.Shape.MISSING : Params.Shape.NOT_AN_OBJECT);
  }

  @Test
  void aRefusedIdGivesWayToAParseErrorLaterInTheBody() {
    byte[] body = "{\"id\":1e400,\"method\":\"m\",}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> RequestEnvelope.read(MAPPER, body))
        .isInstanceOfSatisfying(
            JsonRpcException.class,
            e -> assertThat(e.code()).isEqualTo(JsonRpcErrorCode.PARSE_ERROR));
  }

  @Test
  void aBodyInUtf16OrWithASecondValueIsAParseError() {
    for (byte[] body :
        new byte[][] {
          "{\"id\":1}".getBytes(StandardCharsets.UTF_16BE),
          "{\"id\":1} {}".getBytes(StandardCharsets.UTF_8)
        }) {
      assertThatThrownBy(() -> RequestEnvelope.read(MAPPER, body))
          .isInstanceOfSatisfying(
              JsonRpcException.class,
              e -> assertThat(e.code()).isEqualTo(JsonRpcErrorCode.PARSE_ERROR));
    }
  }

  @Test
  void paramsCountTheTokensOfTheirObject() {
    // {  "a"  [  1  2  ]  }  : seven tokens, whatever surrounds them.
    byte[] body =
        "{\"x\":[1,2,3],\"params\":{\"a\":[1,2]},\"method\":\"m\"}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(RequestEnvelope.read(MAPPER, body).params().tokens()).isEqualTo(7);
  }

  @Test
  void aBodyReadAsParamsIsTheWholeObjectWithItsTokens() {
    // {  "a"  {  "b"  null  }  }: seven tokens.
    byte[] body = " {\"a\":{\"b\":null}} ".getBytes(StandardCharsets.UTF_8);

    Params params = Params.ofBody(MAPPER, body);

    assertThat(params.json()).isEqualTo("{\"a\":{\"b\":null}}");
    assertThat(params.tokens()).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[{}]", "\"text\"", "3"})
  void aBodyReadAsParamsMustBeAnObject(String body) {
    assertThatThrownBy(() -> Params.ofBody(MAPPER, body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            JsonRpcException.class,
            e -> assertThat(e.code()).isEqualTo(JsonRpcErrorCode.INVALID_REQUEST))
        .hasMessageContaining("must be a JSON object");
  }

  @Test
  void aBodyReadAsParamsMeetsTheSameLimitsAsAnEnvelope() {
    byte[] tooMany = ("{\"a\":[" + "0,".repeat(10_000) + "0]}").getBytes(StandardCharsets.UTF_8);
    byte[] twoValues = "{} {}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Params.ofBody(MAPPER, tooMany))
        .hasMessageContaining("A2A_MAX_JSON_TOKENS");
    assertThatThrownBy(() -> Params.ofBody(MAPPER, twoValues))
        .isInstanceOfSatisfying(
            JsonRpcException.class,
            e -> assertThat(e.code()).isEqualTo(JsonRpcErrorCode.PARSE_ERROR));
  }

  @Test
  void moreTokensThanTheLimitAreRefusedNamingTheSetting() {
    byte[] body = ("{\"params\":[" + "0,".repeat(10_000) + "0]}").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> RequestEnvelope.read(MAPPER, body))
        .isInstanceOfSatisfying(
            JsonRpcException.class,
            e -> assertThat(e.code()).isEqualTo(JsonRpcErrorCode.INVALID_REQUEST))
        .hasMessageContaining("A2A_MAX_JSON_TOKENS");
  }

  @Test
  void aStringInParamsLongerThanTheLimitIsRefusedNamingTheSetting() {
    int limit = MAPPER.getFactory().streamReadConstraints().getMaxStringLength();
    byte[] over = envelopeWithString("n".repeat(limit + 1));
    byte[] wholeBody =
        ("{\"a\":[{\"b\":\"" + "n".repeat(limit + 1) + "\"}]}").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> RequestEnvelope.read(MAPPER, over))
        .isInstanceOfSatisfying(
            JsonRpcException.class,
            e -> assertThat(e.code()).isEqualTo(JsonRpcErrorCode.INVALID_REQUEST))
        .hasMessageContaining("A2A_MAX_STRING_LENGTH");
    assertThatThrownBy(() -> Params.ofBody(MAPPER, wholeBody))
        .isInstanceOfSatisfying(
            JsonRpcException.class,
            e -> assertThat(e.code()).isEqualTo(JsonRpcErrorCode.INVALID_REQUEST))
        .hasMessageContaining("A2A_MAX_STRING_LENGTH");
  }

  @Test
  void aStringInParamsAtTheLimitIsReadWhateverBytesItsCharactersTake() {
    int limit = MAPPER.getFactory().streamReadConstraints().getMaxStringLength();
    byte[] plain = envelopeWithString("n".repeat(limit));
    // Six bytes per character, so the byte span is far beyond the limit and the strings are read.
    byte[] escaped = envelopeWithString("\\u00e9".repeat(limit));

    assertThat(RequestEnvelope.read(MAPPER, plain).params().shape()).isEqualTo(Params.Shape.OBJECT);
    assertThat(RequestEnvelope.read(MAPPER, escaped).params().tokens()).isEqualTo(13);
  }

  /** A request whose params hold {@code json} as a string value, nested as metadata is. */
  private static byte[] envelopeWithString(String json) {
    return ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":{\"message\":"
            + "{\"metadata\":{\"note\":\""
            + json
            + "\"}},\"x\":[]}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
