package io.agentmetrics.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds the chain of phases that determined an execution's wall time, as {@link
 * ExecutionTimingCollector#getCriticalPath()} documents it.
 *
 * <p>Not thread-safe: one instance serves one call, on the thread that made it.
 */
final class CriticalPath {

  private final Map<@Nullable Phase, List<Phase>> children = new HashMap<>();
  private final long startNanos;
  private final long now;
  private final List<TimingEntry> path = new ArrayList<>();

  private CriticalPath(long startNanos, long now) {
    this.startNanos = startNanos;
    this.now = now;
  }

  /**
   * The critical path through {@code ordered}, in execution order.
   *
   * @param ordered every phase of the execution, in start order
   * @param startNanos when the execution started
   * @param end when it ended, or now if it is still running; running phases count up to it
   */
  static List<TimingEntry> of(Phase[] ordered, long startNanos, long end) {
    CriticalPath walk = new CriticalPath(startNanos, end);
    // Children of each phase (null key: top level), latest end first, the longer one first on ties.
    for (Phase phase : ordered) {
      if (phase.startNanos <= end) {
        walk.children.computeIfAbsent(phase.parent, parent -> new ArrayList<>()).add(phase);
      }
    }
    Comparator<Phase> latestEndFirst =
        Comparator.comparingLong((Phase phase) -> -phase.endOr(end))
            .thenComparingLong(phase -> phase.startNanos);
    for (List<Phase> siblings : walk.children.values()) {
      siblings.sort(latestEndFirst);
    }
    walk.append(null, startNanos, end, 0);
    return walk.path;
  }

  /**
   * Appends, in execution order, the chain among the children of {@code parent} that lie within
   * [{@code from}, {@code until}], followed each by its own chain one level deeper.
   */
  private void append(@Nullable Phase parent, long from, long until, int depth) {
    List<Phase> siblings = children.get(parent);
    if (siblings == null) {
      return;
    }
    List<Phase> chain = new ArrayList<>();
    long limit = until;
    for (Phase phase : siblings) {
      if (phase.endOr(now) <= limit && phase.startNanos >= from) {
        chain.add(phase);
        limit = phase.startNanos;
      }
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      Phase phase = chain.get(i);
      long phaseEnd = phase.endOr(now);
      path.add(
          new TimingEntry(
              phase.name,
              ExecutionTimingCollector.toMs(phaseEnd - phase.startNanos),
              ExecutionTimingCollector.toMs(phase.startNanos - startNanos),
              depth));
      append(phase, phase.startNanos, phaseEnd, depth + 1);
    }
  }
}
