package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Phase durations summed by name, in first-seen order, by scan and by index alike. */
class PhaseSumsTest {

  @Test
  void sumsRepeatedNamesInFirstSeenOrder() {
    PhaseSums sums = new PhaseSums();
    sums.add("plan", 1);
    sums.add("call", 2);
    sums.add("plan", 0.5);

    assertThat(sums.toMap())
        .containsExactly(Map.entry("plan", 1.5), Map.entry("call", 2.0))
        .isUnmodifiable();
  }

  @Test
  void keepsNamesWithTheSameHashCodeApartAndEqualNamesTogether() {
    // "Aa" and "BB" share a hash code; the built "Aa" is equal to the literal but not the same.
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    PhaseSums sums = new PhaseSums();
    sums.add("Aa", 1);
    sums.add("BB", 2);
    sums.add(String.valueOf(new char[] {'A', 'a'}), 4);

    assertThat(sums.toMap()).containsExactly(Map.entry("Aa", 5.0), Map.entry("BB", 2.0));
  }

  @Test
  void isEmptyUntilANameIsAdded() {
    assertThat(new PhaseSums().toMap()).isEmpty();
  }

  @Test
  void agreesWithAnOrderedMapPastTheScanLimit() {
    PhaseSums sums = new PhaseSums();
    Map<String, Double> expected = new LinkedHashMap<>();
    for (int round = 0; round < 3; round++) {
      for (int phase = 0; phase < 100; phase++) {
        String name = "phase_" + (phase * 37 % 100);
        sums.add(name, phase + round);
        expected.merge(name, (double) phase + round, Double::sum);
      }
    }

    assertThat(sums.toMap()).containsExactlyEntriesOf(expected);
  }

  @Test
  void handsEachBreakdownItsOwnMapKeptWithoutACopy() {
    TimingBreakdown.Builder builder = TimingBreakdown.builder().totalMs(3).addPhaseMs("plan", 1);
    TimingBreakdown first = builder.build();
    TimingBreakdown second = builder.addPhaseMs("plan", 1).build();

    assertThat(first.phasesMs()).containsExactly(Map.entry("plan", 1.0));
    assertThat(second.phasesMs()).containsExactly(Map.entry("plan", 2.0));
    assertThat(first.phasesMs()).isInstanceOf(ImmutableOrderedMap.class);
  }
}
