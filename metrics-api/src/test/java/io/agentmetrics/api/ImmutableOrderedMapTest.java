package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The metadata copy that value types keep: ordered, unmodifiable, a plain {@link Map} otherwise.
 */
class ImmutableOrderedMapTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void keepsTheGivenOrder() {
    Map<String, Object> copy = copyOf(source());

    assertThat(copy.keySet()).containsExactly("zeta", "alpha", "mid");
    assertThat(copy.values()).containsExactly(1, "two", 3.0);
    List<String> visited = new ArrayList<>();
    copy.forEach((key, value) -> visited.add(key + "=" + value));
    assertThat(visited).containsExactly("zeta=1", "alpha=two", "mid=3.0");
    assertThat(copy).hasToString("{zeta=1, alpha=two, mid=3.0}");
  }

  @Test
  void looksUpLikeAnyMap() {
    Map<String, Object> copy = copyOf(source());

    assertThat(copy).hasSize(3).containsEntry("alpha", "two");
    assertThat(copy.get("mid")).isEqualTo(3.0);
    assertThat(copy.get("absent")).isNull();
    assertThat(copy.get(null)).isNull();
    assertThat(copy.containsKey("zeta")).isTrue();
    assertThat(copy.containsKey(null)).isFalse();
    assertThat(copy.containsValue("two")).isTrue();
  }

  @Test
  void equalsAndHashesAsTheMapItCopied() {
    Map<String, Object> source = source();
    Map<String, Object> copy = copyOf(source);

    assertThat(copy).isEqualTo(source).hasSameHashCodeAs(source);
    assertThat(source).isEqualTo(copy);
    assertThat(copy).isNotEqualTo(Map.of("zeta", 1));
  }

  @Test
  void cannotBeModified() {
    Map<String, Object> copy = copyOf(source());
    Iterator<Map.Entry<String, Object>> entries = copy.entrySet().iterator();
    Map.Entry<String, Object> first = entries.next();

    assertThat(copy).isUnmodifiable();
    assertThatThrownBy(entries::remove).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> first.setValue(2)).isInstanceOf(UnsupportedOperationException.class);
    // The class also backs phase sums and attributes, so the message must not say "metadata".
    assertThatThrownBy(() -> copy.put("zeta", 1))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("this map is immutable; copy it (new LinkedHashMap<>(map)) to change it");
    assertThat(copy).isEqualTo(source());
  }

  @Test
  void itsIteratorEndsWithNoSuchElement() {
    Iterator<Map.Entry<String, Object>> entries = copyOf(Map.of("only", 1)).entrySet().iterator();
    entries.next();

    assertThat(entries.hasNext()).isFalse();
    assertThatThrownBy(entries::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aCopyIsNotCopiedAgain() {
    Map<String, Object> copy = copyOf(source());

    assertThat(metric(copy).metadata()).isSameAs(copy);
  }

  @Test
  void copiesEveryEntryOfAMapWhoseSizeChangesWhileItIsCopied() {
    Map<String, Object> growing = new MisreportedSizeMap(1, source());
    Map<String, Object> shrinking = new MisreportedSizeMap(10, source());
    Map<String, Object> sizedZero =
        new MisreportedSizeMap(0, source()) {
          @Override
          public boolean isEmpty() {
            return false;
          }
        };

    assertThat(copyOf(growing)).isEqualTo(source()).hasSize(3);
    assertThat(copyOf(shrinking)).isEqualTo(source()).hasSize(3);
    assertThat(copyOf(sizedZero)).isEqualTo(source()).hasSize(3);
    assertThat(copyOf(new MisreportedSizeMap(2, Map.of()))).isSameAs(Map.of());
  }

  private static Map<String, Object> source() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("zeta", 1);
    source.put("alpha", "two");
    source.put("mid", 3.0);
    return source;
  }

  private static Map<String, Object> copyOf(Map<String, Object> map) {
    Map<String, Object> copy = metric(map).metadata();
    assertThat(copy).isInstanceOfAny(ImmutableOrderedMap.class, Map.of().getClass());
    return copy;
  }

  private static PerformanceMetric metric(Map<String, Object> metadata) {
    return new PerformanceMetric(
        MetricType.DATABASE_QUERY, 1, NOW, UUID.randomUUID(), "agent", metadata);
  }

  /** A map whose size disagrees with its entries, as a concurrent map's may while it changes. */
  private static class MisreportedSizeMap extends AbstractMap<String, Object> {
    private final int reportedSize;
    private final Map<String, Object> entries;

    MisreportedSizeMap(int reportedSize, Map<String, Object> entries) {
      this.reportedSize = reportedSize;
      this.entries = entries;
    }

    @Override
    public int size() {
      return reportedSize;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return entries.entrySet();
    }
  }
}
