package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Metadata made up front: ordered, immutable, and kept by the value types without a copy. */
class MetadataTest {

  @Test
  void holdsItsEntriesInTheGivenOrder() {
    assertThat(Metadata.of("query", "select 1")).containsExactly(Map.entry("query", "select 1"));
    assertThat(Metadata.of("zeta", 1, "alpha", 2))
        .containsExactly(Map.entry("zeta", 1), Map.entry("alpha", 2))
        .isEqualTo(Map.of("alpha", 2, "zeta", 1))
        .isUnmodifiable();
  }

  @Test
  void isKeptAsItIsByAMetricAndAPhaseRecord() {
    Map<String, Object> metadata = Metadata.of("endpoint", "/tasks/send");
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    PerformanceMetric metric =
        new PerformanceMetric(
            MetricType.EXTERNAL_API, 1, now, UUID.randomUUID(), "agent", metadata);
    PhaseRecord phase =
        new PhaseRecord(0, PhaseRecord.ROOT, "call", null, 0, 1, false, false, metadata);

    assertThat(metric.metadata()).isSameAs(metadata);
    assertThat(phase.metadata()).isSameAs(metadata);
  }

  @Test
  void rejectsNullsAndDuplicateKeysNamingTheArgument() {
    assertThatThrownBy(() -> Metadata.of(null, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
    assertThatThrownBy(() -> Metadata.of("key", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
    assertThatThrownBy(() -> Metadata.of("a", 1, "b", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value2");
    assertThatThrownBy(() -> Metadata.of("a", 1, "a", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate metadata key 'a'");
  }
}
