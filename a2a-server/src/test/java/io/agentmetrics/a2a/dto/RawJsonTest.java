package io.agentmetrics.a2a.dto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RawJsonTest {

  private static final ObjectMapper MAPPER = JsonMappers.create(32, 1 << 20, 1 << 22, 1 << 21);

  @Test
  void aDataPartIsKeptAsTheTextOfItsValueWithNumbersExactlyAsSent() throws Exception {
    String data =
        "[{},{\"kind\":\"text\",\"text\":\"caf\u00e9 \u20ac\"},"
            + "{\"n\":0.1000000000000000000001,\"big\":123456789012345678901234567890,"
            + "\"list\":[true,false,null,-7]}]";

    Part part = MAPPER.readValue("{\"kind\":\"data\",\"data\":" + data + "}", Part.class);

    assertThat(part.data()).isEqualTo(new RawJson(data));
    assertThat(MAPPER.writeValueAsString(part))
        .isEqualTo("{\"kind\":\"data\",\"data\":" + data + "}");
  }

  @Test
  void aMebibyteOfEmptyObjectsIsKeptAsAMebibyteOfText() throws Exception {
    StringBuilder data = new StringBuilder("[{}");
    while (data.length() < (1 << 20) - 1) {
      data.append(",{}");
    }
    data.append(']');

    Part part = MAPPER.readValue("{\"kind\":\"data\",\"data\":" + data + "}", Part.class);

    assertThat(part.data().json()).hasSize(data.length()).isEqualTo(data.toString());
  }

  @Test
  void metadataOfAnyShapeIsKeptAsText() throws Exception {
    Message message =
        MAPPER.readValue(
            "{\"role\":\"user\",\"messageId\":\"m\",\"parts\":[{\"kind\":\"text\",\"text\":\"hi\","
                + "\"metadata\":[1]}],\"metadata\":{\"a\":{\"b\":[{}]}}}",
            Message.class);

    assertThat(message.metadata()).isEqualTo(new RawJson("{\"a\":{\"b\":[{}]}}"));
    assertThat(message.parts().get(0).metadata()).isEqualTo(new RawJson("[1]"));
  }
}
