package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MetricTypeTest {

  @ParameterizedTest
  @CsvSource({
    "time_to_first_token, TTFT, ms",
    "total_execution, TOTAL_EXECUTION, ms",
    "queue_wait, QUEUE_WAIT, ms",
    "database_query, DATABASE_QUERY, ms",
    "external_api, EXTERNAL_API, ms",
    "websocket_latency, WEBSOCKET_LATENCY, ms",
    "initialization, INITIALIZATION, ms",
    "tool_execution, TOOL_EXECUTION, ms",
    "llm_processing, LLM_PROCESSING, ms",
    "memory_usage, MEMORY_USAGE, MB",
    "thread_pool_usage, THREAD_POOL_USAGE, %"
  })
  void everyTypeHasTheSeedIdAndUnit(String id, MetricType type, String unit) {
    assertThat(type.id()).isEqualTo(id);
    assertThat(type.unit()).isEqualTo(unit);
    assertThat(type.isDuration()).isEqualTo(unit.equals("ms"));
  }

  @ParameterizedTest
  @EnumSource(MetricType.class)
  void fromIdAcceptsTheIdAndTheConstantNameInAnyCase(MetricType type) {
    assertThat(MetricType.fromId(type.id())).isEqualTo(type);
    assertThat(MetricType.fromId(type.name())).isEqualTo(type);
    assertThat(MetricType.fromId(type.name().toLowerCase(java.util.Locale.ROOT))).isEqualTo(type);
  }

  @Test
  void fromIdRejectsAnUnknownIdListingTheValidOnes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MetricType.fromId("ttfb"))
        .withMessageStartingWith("Unknown metric type \"ttfb\"")
        .withMessageContaining("time_to_first_token")
        .withMessageContaining("thread_pool_usage");
  }

  @Test
  void fromIdRejectsNull() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MetricType.fromId(null))
        .withMessageStartingWith("Unknown metric type null");
  }

  @Test
  void fromIdShortensAndSanitizesHostileInputInItsMessage() {
    String hostile = "x".repeat(100) + "\n";

    assertThatIllegalArgumentException()
        .isThrownBy(() -> MetricType.fromId("bad\nid"))
        .withMessageContaining("\"bad?id\"");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MetricType.fromId(hostile))
        .withMessageContaining("x".repeat(64) + "...\"");
  }
}
