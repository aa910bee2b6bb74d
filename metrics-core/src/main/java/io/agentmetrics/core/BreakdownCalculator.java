package io.agentmetrics.core;

import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.TimingBreakdown;
import java.util.Arrays;
import java.util.UUID;

/**
 * Computes an execution's {@link TimingBreakdown} from its phases: the sum of every phase's
 * duration by name, and each category's time as the <em>union</em> of its phases' intervals, so
 * that overlapping parallel phases are not summed.
 *
 * <p>Stateless; every call works on the arrays it allocates, so it is thread-safe.
 */
final class BreakdownCalculator {

  private static final PhaseCategory[] CATEGORIES = PhaseCategory.values();

  private BreakdownCalculator() {}

  /**
   * The breakdown with the wall clock stopped at {@code now}: one pass over the phases sorted by
   * start, merging each category's overlapping intervals.
   *
   * @param executionId the execution the breakdown describes
   * @param ordered every phase of the execution, in start order
   * @param startNanos when the execution started
   * @param now the clock reading the breakdown is taken at; running phases count up to it
   * @param firstTokenNanos when the first token arrived, or {@link
   *     ExecutionTimingCollector#NO_FIRST_TOKEN}
   */
  static TimingBreakdown breakdownAt(
      UUID executionId, Phase[] ordered, long startNanos, long now, long firstTokenNanos) {
    long[] starts = new long[ordered.length];
    long[] ends = new long[ordered.length];
    byte[] categories = new byte[ordered.length];
    TimingBreakdown.Builder breakdown = TimingBreakdown.builder().executionId(executionId);
    int count = 0;
    for (Phase phase : ordered) {
      long start = phase.startNanos;
      long end = Math.min(phase.endOr(now), now);
      if (end < start) {
        continue; // started after the breakdown's clock reading
      }
      breakdown.addPhaseMs(phase.name, ExecutionTimingCollector.toMs(end - start));
      PhaseCategory category = phase.category;
      if (category == null || end == start) {
        continue;
      }
      // Insertion sort by start: phases arrive almost in start order, so this is nearly linear.
      int i = count++;
      while (i > 0 && starts[i - 1] > start) {
        starts[i] = starts[i - 1];
        ends[i] = ends[i - 1];
        categories[i] = categories[i - 1];
        i--;
      }
      starts[i] = start;
      ends[i] = end;
      categories[i] = (byte) category.ordinal();
    }
    PhaseCategory[] values = CATEGORIES;
    long[] covered = new long[values.length + 1];
    long[] runStart = new long[values.length + 1];
    long[] runEnd = new long[values.length + 1];
    Arrays.fill(runEnd, Long.MIN_VALUE);
    int any = values.length;
    for (int i = 0; i < count; i++) {
      merge(categories[i], starts[i], ends[i], covered, runStart, runEnd);
      merge(any, starts[i], ends[i], covered, runStart, runEnd);
    }
    for (int c = 0; c <= values.length; c++) {
      if (runEnd[c] != Long.MIN_VALUE) {
        covered[c] += runEnd[c] - runStart[c];
      }
    }
    double totalMs = ExecutionTimingCollector.toMs(Math.max(0, now - startNanos));
    for (int c = 0; c < values.length; c++) {
      breakdown.categoryMs(values[c], Math.min(totalMs, ExecutionTimingCollector.toMs(covered[c])));
    }
    if (firstTokenNanos != ExecutionTimingCollector.NO_FIRST_TOKEN && firstTokenNanos <= now) {
      breakdown.ttftMs(ExecutionTimingCollector.toMs(firstTokenNanos - startNanos));
    }
    double categorizedMs = Math.min(totalMs, ExecutionTimingCollector.toMs(covered[any]));
    return breakdown.totalMs(totalMs).overheadMs(totalMs - categorizedMs).build();
  }

  /** Extends the current merged run of category {@code c}, or closes it and starts a new one. */
  private static void merge(
      int c, long start, long end, long[] covered, long[] runStart, long[] runEnd) {
    if (runEnd[c] == Long.MIN_VALUE) {
      runStart[c] = start;
      runEnd[c] = end;
    } else if (start > runEnd[c]) {
      covered[c] += runEnd[c] - runStart[c];
      runStart[c] = start;
      runEnd[c] = end;
    } else if (end > runEnd[c]) {
      runEnd[c] = end;
    }
  }
}
