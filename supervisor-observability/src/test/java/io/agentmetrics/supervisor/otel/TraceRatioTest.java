package io.agentmetrics.supervisor.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceRatioTest {

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.01, 0.1, 0.5, 0.9, 1.0})
  void samplesAboutTheConfiguredShareOfRandomIds(double ratio) {
    TraceRatio traceRatio = new TraceRatio(ratio);
    Random random = new Random(42);
    int total = 20_000;

    long sampled =
        IntStream.range(0, total)
            .mapToObj(i -> new UUID(random.nextLong(), random.nextLong()))
            .filter(traceRatio::isSampled)
            .count();

    assertThat(sampled / (double) total)
        .isCloseTo(ratio, org.assertj.core.data.Offset.offset(0.02));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 1.0})
  void extremesAreExact(double ratio) {
    TraceRatio traceRatio = new TraceRatio(ratio);

    assertThat(
            IntStream.range(0, 1_000)
                .mapToObj(i -> UUID.randomUUID())
                .allMatch(id -> traceRatio.isSampled(id) == (ratio == 1.0)))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.3, 0.7})
  void aLargerRatioKeepsEveryIdASmallerOneKeeps(double ratio) {
    TraceRatio smaller = new TraceRatio(ratio);
    TraceRatio larger = new TraceRatio(ratio + 0.2);

    assertThat(
            IntStream.range(0, 5_000)
                .mapToObj(i -> UUID.randomUUID())
                .filter(smaller::isSampled)
                .allMatch(larger::isSampled))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.01, Double.NaN})
  void rejectsRatiosOutsideZeroToOne(double ratio) {
    assertThatThrownBy(() -> new TraceRatio(ratio))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0.0 and 1.0");
  }
}
