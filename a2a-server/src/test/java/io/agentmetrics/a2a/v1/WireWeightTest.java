package io.agentmetrics.a2a.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import org.junit.jupiter.api.Test;

class WireWeightTest {

  private static final ObjectMapper MAPPER = JsonMappers.create(32, 1 << 16, 1 << 20, 10_000);

  @Test
  void readingIsChargedPerTokenOfTheParams() {
    // {  "message"  {  "parts"  [  ]  }  }: eight tokens.
    Params params =
        Params.ofBody(MAPPER, "{\"message\":{\"parts\":[]}}".getBytes(StandardCharsets.UTF_8));

    assertThat(WireWeight.reading(params)).isEqualTo(8 * 192);
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
