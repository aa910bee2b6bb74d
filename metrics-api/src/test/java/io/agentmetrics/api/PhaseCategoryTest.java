package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PhaseCategoryTest {

  @ParameterizedTest
  @CsvSource({
    "initialization, INITIALIZATION, INITIALIZATION",
    "tool_execution, TOOL_EXECUTION, TOOL_EXECUTION",
    "llm_processing, LLM_PROCESSING, LLM_PROCESSING",
    "websocket_notification, WEBSOCKET_NOTIFICATION, WEBSOCKET_LATENCY",
    "database_query, DATABASE_QUERY, DATABASE_QUERY",
    "external_api, EXTERNAL_API, EXTERNAL_API",
    "queue_wait, QUEUE_WAIT, QUEUE_WAIT"
  })
  void categoriesAreFoundByPhaseNameAndByMetricType(
      String phaseName, PhaseCategory category, MetricType type) {
    assertThat(category.id()).isEqualTo(phaseName);
    assertThat(category.metricType()).isEqualTo(type);
    assertThat(PhaseCategory.fromPhaseName(phaseName)).contains(category);
    assertThat(PhaseCategory.of(type)).contains(category);
  }

  @ParameterizedTest
  @EnumSource(
      value = MetricType.class,
      names = {"TTFT", "TOTAL_EXECUTION", "MEMORY_USAGE", "THREAD_POOL_USAGE"})
  void typesThatAreNotPhaseTimeHaveNoCategory(MetricType type) {
    assertThat(PhaseCategory.of(type)).isEmpty();
  }

  @Test
  void otherPhaseNamesHaveNoCategory() {
    assertThat(PhaseCategory.fromPhaseName("data_loading")).isEmpty();
    assertThat(PhaseCategory.fromPhaseName("LLM_PROCESSING")).isEmpty();
    assertThat(PhaseCategory.fromPhaseName("")).isEmpty();
  }
}
