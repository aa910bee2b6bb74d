package io.agentmetrics.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionResultTest {

  @Test
  void successCarriesACopyOfItsDataInOrder() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("b", 2);
    data.put("a", 1);

    ExecutionResult result = ExecutionResult.success(data);
    data.put("c", 3);

    assertThat(result.success()).isTrue();
    assertThat(result.error()).isEmpty();
    assertThat(result.data()).containsExactly(Map.entry("b", 2), Map.entry("a", 1));
    assertThatThrownBy(() -> result.data().put("x", 0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void failureCarriesItsReasonAndNoData() {
    ExecutionResult result = ExecutionResult.failure("tool timed out");

    assertThat(result.success()).isFalse();
    assertThat(result.error()).contains("tool timed out");
    assertThat(result.data()).isEmpty();
  }

  @Test
  void failureFromAnExceptionUsesItsMessageOrItsClassName() {
    assertThat(ExecutionResult.failure(new IllegalStateException("broken")).error())
        .contains("broken");
    assertThat(ExecutionResult.failure(new IllegalStateException()).error())
        .contains("IllegalStateException");
  }

  @Test
  void invalidArgumentsAreRejectedNamingThem() {
    assertThatThrownBy(() -> ExecutionResult.failure(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("error");
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("answer", null);
    assertThatThrownBy(() -> ExecutionResult.success(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("answer");
  }

  @Test
  void equalResultsAreEqual() {
    assertThat(ExecutionResult.success(Map.of("a", 1)))
        .isEqualTo(ExecutionResult.success(Map.of("a", 1)));
    assertThat(ExecutionResult.failure("x")).isNotEqualTo(ExecutionResult.success(Map.of()));
    assertThat(ExecutionResult.failure("x").toString()).contains("failure", "x");
  }
}
