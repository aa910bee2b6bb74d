package io.agentmetrics.a2a.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.AllocatedBytes;
import io.agentmetrics.a2a.dto.JsonMappers;
import io.agentmetrics.a2a.dto.MessageSendParams;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParamsReaderTest {

  private static final ObjectMapper MAPPER = JsonMappers.create(32, 1 << 18, 1 << 20, 100_000);

  /**
   * Long strings and many small values, in the places a 0.3 message holds them: what binding them
   * allocates, the bound of what it holds, is more than the body and within what is reserved.
   * Strings are long enough (200,000 characters) to outgrow the buffers Jackson recycles.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("params")
  void bindingReservesAtLeastWhatItAllocates(String shape, String json) {
    Params params = Params.ofBody(MAPPER, json.getBytes(StandardCharsets.UTF_8));
    ParamsReader reader = new ParamsReader(MAPPER);

    long allocated = AllocatedBytes.fewest(() -> reader.read(params, MessageSendParams.class));

    assertThat(allocated).as("bytes a read allocates").isGreaterThan(params.length());
    assertThat(ParamsReader.reading(params)).isGreaterThanOrEqualTo(allocated);
  }

  static Stream<Arguments> params() {
    String ascii = "a".repeat(200_000);
    return Stream.of(
        Arguments.of("ASCII text", send(text(ascii), "{}")),
        Arguments.of("Cyrillic text", send(text("\u0436".repeat(100_000)), "{}")),
        Arguments.of("a string in a data part", send(data("{\"k\":\"" + ascii + "\"}"), "{}")),
        Arguments.of(
            "small objects in a data part",
            send(data("[" + "{\"k\":1},".repeat(7_500) + "{}]"), "{}")),
        Arguments.of(
            "many empty text parts", send(text("") + (',' + text("")).repeat(2_500), "{}")),
        Arguments.of("a string in metadata", send(text("x"), "{\"k\":\"" + ascii + "\"}")));
  }

  private static String text(String text) {
    return "{\"kind\":\"text\",\"text\":\"" + text + "\"}";
  }

  private static String data(String data) {
    return "{\"kind\":\"data\",\"data\":" + data + "}";
  }

  private static String send(String parts, String metadata) {
    return "{\"message\":{\"kind\":\"message\",\"messageId\":\"m\",\"role\":\"user\",\"parts\":["
        + parts
        + "],\"metadata\":"
        + metadata
        + "}}";
  }
}
