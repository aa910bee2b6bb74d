package io.agentmetrics.core;

import io.agentmetrics.api.PerformanceMetric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The metrics of an execution in the order they were recorded: those recorded as values ({@link
 * MetricLink}) merged with those its phases made when they stopped ({@link Phase#metricOrder()}).
 *
 * <p>Stateless, so thread-safe; it reads the chains as they are when it walks them.
 */
final class RecordedMetrics {

  private static final Comparator<Ordered> BY_ORDER =
      Comparator.comparingInt(Ordered::order).thenComparingInt(Ordered::tieBreak);

  private RecordedMetrics() {}

  /**
   * The metrics reachable from {@code latestLink} and {@code latestPhase}, by order. The orders are
   * usually exactly 0 to n - 1, so each metric goes straight to its place; only when metrics
   * recorded at once on several threads share an order, or a snapshot catches a metric between
   * taking its order and being published, does it sort.
   */
  static List<PerformanceMetric> inOrder(
      @Nullable MetricLink latestLink, @Nullable Phase latestPhase) {
    int capacity = latestPhase == null ? 0 : latestPhase.id + 1;
    for (MetricLink link = latestLink; link != null; link = link.previous) {
      capacity++;
    }
    PerformanceMetric[] byOrder = new PerformanceMetric[capacity];
    int count = 0;
    boolean placed = true;
    for (MetricLink link = latestLink; link != null; link = link.previous) {
      placed &= place(byOrder, link.order, link.metric);
      count++;
    }
    for (Phase phase = latestPhase; phase != null; phase = phase.previous) {
      int order = phase.metricOrder();
      if (order != Phase.NO_METRIC) {
        placed &= place(byOrder, order, phase.metric());
        count++;
      }
    }
    if (count == 0) {
      return List.of();
    }
    if (placed && allPlaced(byOrder, count)) {
      return List.of(count == capacity ? byOrder : Arrays.copyOf(byOrder, count));
    }
    return sorted(latestLink, latestPhase);
  }

  private static boolean place(PerformanceMetric[] byOrder, int order, PerformanceMetric metric) {
    if (order >= byOrder.length || byOrder[order] != null) {
      return false;
    }
    byOrder[order] = metric;
    return true;
  }

  private static boolean allPlaced(PerformanceMetric[] byOrder, int count) {
    for (int i = 0; i < count; i++) {
      if (byOrder[i] == null) {
        return false;
      }
    }
    return true;
  }

  /** Sorts by order; of equal orders, metrics recorded as values first, then phases by id. */
  private static List<PerformanceMetric> sorted(
      @Nullable MetricLink latestLink, @Nullable Phase latestPhase) {
    List<Ordered> all = new ArrayList<>();
    for (MetricLink link = latestLink; link != null; link = link.previous) {
      all.add(new Ordered(link.order, -1, link.metric));
    }
    for (Phase phase = latestPhase; phase != null; phase = phase.previous) {
      int order = phase.metricOrder();
      if (order != Phase.NO_METRIC) {
        all.add(new Ordered(order, phase.id, phase.metric()));
      }
    }
    all.sort(BY_ORDER);
    List<PerformanceMetric> metrics = new ArrayList<>(all.size());
    for (Ordered each : all) {
      metrics.add(each.metric());
    }
    return List.copyOf(metrics);
  }

  private record Ordered(int order, int tieBreak, PerformanceMetric metric) {}
}
