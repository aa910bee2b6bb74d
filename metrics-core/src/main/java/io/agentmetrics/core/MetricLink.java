package io.agentmetrics.core;

import io.agentmetrics.api.PerformanceMetric;
import org.jspecify.annotations.Nullable;

/**
 * One metric of an {@link ExecutionTimingCollector}, linked to the metric recorded just before it:
 * the collector keeps its metrics as a chain, newest first, each published by one compare-and-set.
 *
 * <p>A {@link Phase} that makes a metric when it stops is its own link, so stopping it allocates
 * nothing and its {@link PerformanceMetric} is built only when the metrics are read. A metric
 * recorded as a value is a {@link ReadyMetric}.
 *
 * <p>The link fields are set by {@link #follow} before the link is published and never change
 * after; readers reach a link only through the collector's latest metric, a volatile field, so they
 * see them.
 */
abstract class MetricLink {

  /** The metric recorded just before this one, or null for the first. */
  @Nullable MetricLink previousMetric;

  /** This metric's position among the execution's metrics, from 0 in the order recorded. */
  int metricIndex;

  /** Places this metric right after {@code latest}, the last one recorded before it, if any. */
  final void follow(@Nullable MetricLink latest) {
    previousMetric = latest;
    metricIndex = latest == null ? 0 : latest.metricIndex + 1;
  }

  /** The metric; the same values on every call. */
  abstract PerformanceMetric metric();

  /** A metric that was recorded as a value. */
  static final class ReadyMetric extends MetricLink {

    private final PerformanceMetric metric;

    ReadyMetric(PerformanceMetric metric) {
      this.metric = metric;
    }

    @Override
    PerformanceMetric metric() {
      return metric;
    }
  }
}
