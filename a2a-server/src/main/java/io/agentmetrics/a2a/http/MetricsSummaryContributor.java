package io.agentmetrics.a2a.http;

/**
 * One section of {@code GET /metrics/summary}. The server contributes {@code stages} (per-stage
 * latency statistics) and {@code stores} (store sizes and evictions); the metrics aggregator
 * contributes its windows, trends and bottlenecks the same way.
 *
 * <p>Implementations must be thread-safe; {@link #snapshot()} is called per request and must return
 * something Jackson can serialize (records, maps, lists).
 *
 * @since 0.1.0
 */
public interface MetricsSummaryContributor {

  /**
   * The section's key in the summary object.
   *
   * @return the key, such as {@code stages}
   * @since 0.1.0
   */
  String section();

  /**
   * The section's current content.
   *
   * @return a serializable snapshot
   * @since 0.1.0
   */
  Object snapshot();

  /**
   * A contributor from a key and a supplier.
   *
   * @param section the key
   * @param snapshot produces the content
   * @return the contributor
   * @since 0.1.0
   */
  static MetricsSummaryContributor of(String section, java.util.function.Supplier<?> snapshot) {
    return new MetricsSummaryContributor() {
      @Override
      public String section() {
        return section;
      }

      @Override
      public Object snapshot() {
        return snapshot.get();
      }
    };
  }
}
