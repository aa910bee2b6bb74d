package io.agentmetrics.core;

import io.agentmetrics.api.PerformanceMetric;
import org.jspecify.annotations.Nullable;

/**
 * A metric recorded as a value (with {@code addMetric}, the first token or the completion) by an
 * {@link ExecutionTimingCollector}, linked to the one recorded as a value just before it: the
 * collector keeps these as a chain, newest first, each published by one compare-and-set. Metrics
 * that phases make when they stop are not linked here; each {@link Phase} holds its own ({@link
 * Phase#metricOrder()}).
 *
 * <p>{@link #previous} is set by {@link #follow} before the link is published and never changes
 * after; readers reach a link only through the collector's latest link, a volatile field, so they
 * see it.
 */
final class MetricLink {

  final PerformanceMetric metric;

  /** This metric's position among all the execution's metrics, in the order they were recorded. */
  final int order;

  /** The metric recorded as a value just before this one, or null for the first. */
  @Nullable MetricLink previous;

  MetricLink(PerformanceMetric metric, int order) {
    this.metric = metric;
    this.order = order;
  }

  /** Places this link right after {@code latest}, the last one published before it, if any. */
  void follow(@Nullable MetricLink latest) {
    previous = latest;
  }
}
