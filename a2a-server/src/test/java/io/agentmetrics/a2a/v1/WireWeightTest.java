package io.agentmetrics.a2a.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.lf.a2a.v1.SendMessageRequest;
import io.agentmetrics.a2a.AllocatedBytes;
import io.agentmetrics.a2a.dto.JsonMappers;
import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.RawJson;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.dto.TaskState;
import io.agentmetrics.a2a.dto.TaskStatus;
import io.agentmetrics.a2a.jsonrpc.InFlightBudget;
import io.agentmetrics.a2a.jsonrpc.Params;
import io.agentmetrics.a2a.store.RetainedSize;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WireWeightTest {

  private static final ObjectMapper MAPPER = JsonMappers.create(32, 1 << 16, 1 << 20, 10_000);

  @Test
  void readingIsChargedPerTokenAndPerByteOfTheParams() {
    // {  "message"  {  "parts"  [  ]  }  }: eight tokens in 24 bytes.
    Params params =
        Params.ofBody(MAPPER, "{\"message\":{\"parts\":[]}}".getBytes(StandardCharsets.UTF_8));

    assertThat(WireWeight.reading(params)).isEqualTo(8 * 192 + 24 * 12);
  }

  /**
   * Long strings, in every encoding width and every place a 1.0 message holds one: what reading
   * them allocates, the bound of what it holds, is within what is reserved for it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("longStrings")
  void readingReservesAtLeastWhatProtobufAllocatesForLongStrings(String shape, String json) {
    Params params = Params.ofBody(MAPPER, json.getBytes(StandardCharsets.UTF_8));

    long allocated =
        AllocatedBytes.fewest(() -> ProtoJson.read(params.json(), SendMessageRequest.newBuilder()));

    assertThat(allocated).as("bytes a read allocates").isGreaterThan(params.length() * 4L);
    assertThat(allocated)
        .as("bytes a read allocates, without the tokens' share")
        .isLessThanOrEqualTo(params.length() * (long) WireWeight.READ_BYTES_PER_BYTE);
    assertThat(WireWeight.reading(params)).isGreaterThanOrEqualTo(allocated);
  }

  static Stream<Arguments> longStrings() {
    String ascii = "a".repeat(60_000);
    return Stream.of(
        Arguments.of("ASCII text", send("m", "{\"text\":\"" + ascii + "\"}", "{}")),
        // One character past Latin-1 makes the params' text two bytes a character.
        Arguments.of(
            "ASCII text, one id past Latin-1",
            send("m\u4e2d", "{\"text\":\"" + ascii + "\"}", "{}")),
        Arguments.of(
            "Cyrillic text", send("m", "{\"text\":\"" + "\u0436".repeat(30_000) + "\"}", "{}")),
        Arguments.of("CJK text", send("m", "{\"text\":\"" + "\u4e2d".repeat(20_000) + "\"}", "{}")),
        Arguments.of(
            "raw bytes",
            send(
                "m",
                "{\"raw\":\"" + Base64.getEncoder().encodeToString(new byte[45_000]) + "\"}",
                "{}")),
        Arguments.of(
            "a string in a data part", send("m", "{\"data\":{\"k\":\"" + ascii + "\"}}", "{}")),
        Arguments.of(
            "a string in metadata", send("m", "{\"text\":\"x\"}", "{\"k\":\"" + ascii + "\"}")));
  }

  private static String send(String messageId, String part, String metadata) {
    return "{\"message\":{\"messageId\":\""
        + messageId
        + "\",\"role\":\"ROLE_USER\",\"parts\":["
        + part
        + "],\"metadata\":"
        + metadata
        + "}}";
  }

  @Test
  void aTaskIsChargedFourTimesItsSizeAndEveryCharacterOfItsFreeFormValues() {
    Task plain = task(Part.text("hi"));
    // [1,2,3] and {"k":1}: fourteen characters of free-form JSON.
    Task withData =
        task(
            Part.text("hi"),
            new Part(Part.DATA, null, new RawJson("[1,2,3]"), null, new RawJson("{\"k\":1}")));

    assertThat(WireWeight.rendering(plain)).isEqualTo(4 * RetainedSize.of(plain));
    assertThat(WireWeight.rendering(withData)).isEqualTo(4 * RetainedSize.of(withData) + 14 * 96);
  }

  @Test
  void aReservationTheBudgetCannotHoldIsUnavailable() {
    InFlightBudget budget = new InFlightBudget(100);
    InFlightBudget.Lease other = budget.tryReserve(60).orElseThrow();
    InFlightBudget.Lease lease = budget.tryReserve(10).orElseThrow();

    assertThatThrownBy(() -> WireWeight.reserve(lease, 31))
        .isInstanceOfSatisfying(
            A2aException.class, e -> assertThat(e.error()).isEqualTo(A2aError.UNAVAILABLE))
        .hasMessageContaining("A2A_MAX_INFLIGHT_BYTES");
    WireWeight.reserve(lease, 30);
    assertThat(budget.held()).isEqualTo(100);
    other.close();
    lease.close();
  }

  private static Task task(Part... parts) {
    Message message = new Message("user", List.of(parts), "m", "c", "t", null, null, null);
    return new Task(
        "t",
        "c",
        new TaskStatus(TaskState.COMPLETED, null, "2026-03-12T10:30:00Z"),
        List.of(message),
        List.of());
  }
}
