package io.agentmetrics.testing;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.TimingBreakdown;
import java.util.List;
import java.util.OptionalDouble;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.data.Offset;
import org.jspecify.annotations.Nullable;

/**
 * AssertJ assertions for a {@link TimingBreakdown}, with messages that show the whole breakdown:
 *
 * <pre>{@code
 * BreakdownAssert.assertThat(collector.getBreakdown())
 *     .hasTotalMs(500.0)
 *     .hasCategoryMs(PhaseCategory.TOOL_EXECUTION, 300.0)
 *     .hasPhase("search", 300.0, within(0.01))
 *     .hasOverheadMs(100.0)
 *     .hasNoTtft();
 * }</pre>
 *
 * <p>Durations are in milliseconds. The methods without an {@link Offset} compare exactly, which
 * suits a collector driven by a {@link FakeTimeSource}; pass {@code within(...)} for durations from
 * a real clock or from arithmetic that rounds. Not thread-safe, like every AssertJ assertion.
 *
 * @since 0.1.0
 */
public final class BreakdownAssert extends AbstractAssert<BreakdownAssert, TimingBreakdown> {

  private BreakdownAssert(@Nullable TimingBreakdown actual) {
    super(actual, BreakdownAssert.class);
  }

  /** Starts assertions on {@code actual}. */
  public static BreakdownAssert assertThat(@Nullable TimingBreakdown actual) {
    return new BreakdownAssert(actual);
  }

  /** Checks the wall-clock total, exactly. */
  public BreakdownAssert hasTotalMs(double expected) {
    return hasTotalMs(expected, Offset.offset(0.0));
  }

  /** Checks the wall-clock total, within {@code offset}. */
  public BreakdownAssert hasTotalMs(double expected, Offset<Double> offset) {
    isNotNull();
    checkMs("totalMs", actual.totalMs(), expected, offset);
    return this;
  }

  /** Checks the wall time no categorized phase covered, exactly. */
  public BreakdownAssert hasOverheadMs(double expected) {
    return hasOverheadMs(expected, Offset.offset(0.0));
  }

  /** Checks the wall time no categorized phase covered, within {@code offset}. */
  public BreakdownAssert hasOverheadMs(double expected, Offset<Double> offset) {
    isNotNull();
    checkMs("overheadMs", actual.overheadMs(), expected, offset);
    return this;
  }

  /** Checks the time spent in {@code category}, exactly. */
  public BreakdownAssert hasCategoryMs(PhaseCategory category, double expected) {
    return hasCategoryMs(category, expected, Offset.offset(0.0));
  }

  /** Checks the time spent in {@code category}, within {@code offset}. */
  public BreakdownAssert hasCategoryMs(
      PhaseCategory category, double expected, Offset<Double> offset) {
    requireNonNull(category, "category");
    isNotNull();
    checkMs(category.id(), actual.categoryMs(category), expected, offset);
    return this;
  }

  /** Checks that a phase or task named {@code name} ran, for any time. */
  public BreakdownAssert hasPhase(String name) {
    requireNonNull(name, "name");
    isNotNull();
    if (!actual.phasesMs().containsKey(name)) {
      failWithMessage(
          "Expected a phase named <%s> but the phases were <%s>%n%s",
          name, actual.phasesMs().keySet(), describe());
    }
    return this;
  }

  /** Checks the summed duration of the phases and tasks named {@code name}, exactly. */
  public BreakdownAssert hasPhase(String name, double expectedMs) {
    return hasPhase(name, expectedMs, Offset.offset(0.0));
  }

  /**
   * Checks the summed duration of the phases and tasks named {@code name}, within {@code offset}.
   */
  public BreakdownAssert hasPhase(String name, double expectedMs, Offset<Double> offset) {
    hasPhase(name);
    // hasPhase(name) above has failed unless the phase is there.
    double actualMs = requireNonNull(actual.phasesMs().get(name));
    checkMs("phase '" + name + "'", actualMs, expectedMs, offset);
    return this;
  }

  /** Checks that no phase or task named {@code name} ran. */
  public BreakdownAssert doesNotHavePhase(String name) {
    requireNonNull(name, "name");
    isNotNull();
    if (actual.phasesMs().containsKey(name)) {
      failWithMessage(
          "Expected no phase named <%s> but it lasted <%s> ms%n%s",
          name, actual.phasesMs().get(name), describe());
    }
    return this;
  }

  /** Checks that exactly the phases {@code names} ran, and first started in this order. */
  public BreakdownAssert hasPhasesInOrder(String... names) {
    isNotNull();
    List<String> expected = List.of(names);
    List<String> phases = List.copyOf(actual.phasesMs().keySet());
    if (!phases.equals(expected)) {
      failWithMessage(
          "Expected exactly the phases <%s> in that order but they were <%s>%n%s",
          expected, phases, describe());
    }
    return this;
  }

  /** Checks the time to first token, exactly. */
  public BreakdownAssert hasTtftMs(double expected) {
    return hasTtftMs(expected, Offset.offset(0.0));
  }

  /** Checks the time to first token, within {@code offset}. */
  public BreakdownAssert hasTtftMs(double expected, Offset<Double> offset) {
    isNotNull();
    OptionalDouble ttft = actual.ttftMs();
    if (ttft.isEmpty()) {
      failWithMessage(
          "Expected a time to first token of <%s> ms but none was recorded%n%s",
          expected, describe());
    }
    checkMs("ttftMs", ttft.getAsDouble(), expected, offset);
    return this;
  }

  /** Checks that no first token was recorded. */
  public BreakdownAssert hasNoTtft() {
    isNotNull();
    if (actual.ttftMs().isPresent()) {
      failWithMessage(
          "Expected no time to first token but it was <%s> ms%n%s",
          actual.ttftMs().getAsDouble(), describe());
    }
    return this;
  }

  /** Checks {@link TimingBreakdown#calculateEfficiency()}, a percentage, within {@code offset}. */
  public BreakdownAssert hasEfficiency(double expectedPercent, Offset<Double> offset) {
    isNotNull();
    double efficiency = actual.calculateEfficiency();
    if (!isClose(efficiency, expectedPercent, offset)) {
      failWithMessage(
          "Expected an efficiency of <%s>%% (%s) but it was <%s>%%%n%s",
          expectedPercent, describe(offset), efficiency, describe());
    }
    return this;
  }

  private void checkMs(String what, double actualMs, double expectedMs, Offset<Double> offset) {
    requireNonNull(offset, "offset");
    if (!isClose(actualMs, expectedMs, offset)) {
      failWithMessage(
          "Expected %s to be <%s> ms (%s) but it was <%s> ms%n%s",
          what, expectedMs, describe(offset), actualMs, describe());
    }
  }

  private static boolean isClose(double actualValue, double expected, Offset<Double> offset) {
    double difference = Math.abs(actualValue - expected);
    return offset.strict ? difference < offset.value : difference <= offset.value;
  }

  private static String describe(Offset<Double> offset) {
    if (offset.value == 0.0) {
      return "exactly";
    }
    return (offset.strict ? "strictly within " : "within ") + offset.value;
  }

  private String describe() {
    return "in the breakdown " + actual;
  }
}
