package io.agentmetrics.a2a.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.lf.a2a.v1.Message;
import com.google.lf.a2a.v1.Part;
import com.google.lf.a2a.v1.Role;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.agentmetrics.a2a.dto.RawJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireMappingTest {

  private final WireMapping wire = new WireMapping();

  @Test
  void theFreeFormValuesOfA1_0MessageAreKeptAsTheirJsonText() {
    Message sent =
        Message.newBuilder()
            .setMessageId("m")
            .setRole(Role.ROLE_USER)
            .setMetadata(struct("origin", "tck"))
            .addParts(Part.newBuilder().setData(Value.newBuilder().setStringValue("x")))
            .build();

    io.agentmetrics.a2a.dto.Message kept = wire.message(sent);

    assertThat(kept.metadata()).isEqualTo(new RawJson("{\"origin\":\"tck\"}"));
    assertThat(kept.parts().get(0).data()).isEqualTo(new RawJson("\"x\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "\"text\"", "{\"n\":1e400}", "{}"})
  void metadataA0_3ClientSentThat1_0CannotShowIsLeftOutOfThe1_0View(String metadata) {
    Message shown = wire.message(message(new RawJson(metadata)));

    assertThat(shown.hasMetadata()).isFalse();
    assertThat(shown.getParts(0).getText()).isEqualTo("hi");
  }

  @Test
  void aValueTheProtoCannotHoldIsShownAsItsJsonText() {
    io.agentmetrics.a2a.dto.Message stored =
        new io.agentmetrics.a2a.dto.Message(
            "user",
            List.of(
                new io.agentmetrics.a2a.dto.Part(
                    io.agentmetrics.a2a.dto.Part.DATA, null, new RawJson("1e400"), null, null)),
            "m",
            null,
            null,
            null,
            null,
            null);

    Value shown = wire.message(stored).getParts(0).getData();

    assertThat(shown.getKindCase()).isEqualTo(Value.KindCase.STRING_VALUE);
    assertThat(shown.getStringValue()).isEqualTo("1e400");
  }

  private static io.agentmetrics.a2a.dto.Message message(RawJson metadata) {
    return new io.agentmetrics.a2a.dto.Message(
        "user",
        List.of(io.agentmetrics.a2a.dto.Part.text("hi")),
        "m",
        null,
        null,
        null,
        metadata,
        null);
  }

  private static Struct struct(String key, String value) {
    return Struct.newBuilder()
        .putFields(key, Value.newBuilder().setStringValue(value).build())
        .build();
  }
}
