package io.agentmetrics.core;

import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.TimingBreakdown;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;

/**
 * Computes an execution's {@link TimingBreakdown} from its phases: the sum of every phase's
 * duration by name, and each category's time as the <em>union</em> of its phases' intervals, so
 * that overlapping parallel phases are not summed.
 *
 * <p>Stateless; every call works on the array it allocates, so it is thread-safe.
 */
final class BreakdownCalculator {

  private static final PhaseCategory[] CATEGORIES = PhaseCategory.values();

  /** The slot of the union of all categories, after one slot per category. */
  private static final int ANY = CATEGORIES.length;

  private static final Comparator<Phase> BY_START =
      Comparator.comparingLong(phase -> phase.startNanos);

  private BreakdownCalculator() {}

  /**
   * The breakdown with the wall clock stopped at {@code now}, in one pass over the phases in start
   * order.
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
    TimingBreakdown.Builder breakdown = TimingBreakdown.builder().executionId(executionId);
    Coverage coverage = new Coverage();
    for (Phase phase : ordered) {
      long start = phase.startNanos;
      long end = Math.min(phase.endOr(now), now);
      if (end >= start) { // else it started after the breakdown's clock reading
        breakdown.addPhaseMs(phase.name, ExecutionTimingCollector.toMs(end - start));
        coverage.add(phase, end);
      }
    }
    if (!coverage.inStartOrder) {
      coverage = coverageSorted(ordered, now);
    }
    double totalMs = ExecutionTimingCollector.toMs(Math.max(0, now - startNanos));
    for (PhaseCategory category : CATEGORIES) {
      breakdown.categoryMs(category, Math.min(totalMs, coverage.ms(category.ordinal())));
    }
    if (firstTokenNanos != ExecutionTimingCollector.NO_FIRST_TOKEN && firstTokenNanos <= now) {
      breakdown.ttftMs(ExecutionTimingCollector.toMs(firstTokenNanos - startNanos));
    }
    double categorizedMs = Math.min(totalMs, coverage.ms(ANY));
    return breakdown.totalMs(totalMs).overheadMs(totalMs - categorizedMs).build();
  }

  /**
   * The coverage of phases whose ids are not in the order of their start times: only phases started
   * at once on several threads, whose clock reads and publication interleaved, are. Sorts a copy.
   */
  private static Coverage coverageSorted(Phase[] ordered, long now) {
    Phase[] byStart = ordered.clone();
    Arrays.sort(byStart, BY_START);
    Coverage coverage = new Coverage();
    for (Phase phase : byStart) {
      long end = Math.min(phase.endOr(now), now);
      if (end >= phase.startNanos) {
        coverage.add(phase, end);
      }
    }
    return coverage;
  }

  /**
   * The time covered by each category's phases and by all of them, added in order of start: a phase
   * adds the part of its interval that ends after every earlier one of its category ended.
   */
  private static final class Coverage {

    /** Per slot (each category, then {@link #ANY}): nanoseconds covered, then the latest end. */
    private final long[] slots = new long[2 * (ANY + 1)];

    private long lastStart = Long.MIN_VALUE;
    private boolean inStartOrder = true;

    Coverage() {
      for (int slot = 0; slot <= ANY; slot++) {
        slots[2 * slot + 1] = Long.MIN_VALUE;
      }
    }

    /** Adds a phase that ran until {@code end}; uncategorized and empty phases cover nothing. */
    void add(Phase phase, long end) {
      PhaseCategory category = phase.category;
      long start = phase.startNanos;
      if (category == null || end == start) {
        return;
      }
      if (start < lastStart) {
        inStartOrder = false;
      }
      lastStart = start;
      cover(category.ordinal(), start, end);
      cover(ANY, start, end);
    }

    private void cover(int slot, long start, long end) {
      int reach = 2 * slot + 1;
      long from = Math.max(start, slots[reach]);
      if (end > from) {
        slots[2 * slot] += end - from;
        slots[reach] = end;
      }
    }

    double ms(int slot) {
      return ExecutionTimingCollector.toMs(slots[2 * slot]);
    }
  }
}
