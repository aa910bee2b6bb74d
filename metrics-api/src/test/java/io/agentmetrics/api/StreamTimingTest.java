package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamTimingTest {

  @Test
  void keepsACopyOfTheIntervalsAndHandsOutCopies() {
    double[] intervals = {15.0, 16.5};
    StreamTiming timing = new StreamTiming(300.0, intervals);
    intervals[0] = 99;
    timing.chunkIntervalsMs()[1] = 99;

    assertThat(timing.chunkIntervalsMs()).containsExactly(15.0, 16.5);
    assertThat(timing.chunkIntervalMs(1)).isEqualTo(16.5);
    assertThat(timing.chunks()).isEqualTo(3);
    assertThat(timing).isEqualTo(new StreamTiming(300.0, new double[] {15.0, 16.5}));
    assertThat(timing.hashCode())
        .isEqualTo(new StreamTiming(300.0, new double[] {15.0, 16.5}).hashCode());
    assertThat(timing).hasToString("StreamTiming[timeToFirstChunkMs=300.0, chunks=3]");
  }

  @Test
  void rejectsNegativeTimes() {
    assertThatThrownBy(() -> new StreamTiming(-1, new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeToFirstChunkMs");
    assertThatThrownBy(() -> new StreamTiming(1, new double[] {2, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chunkIntervalsMs[1]");
  }
}
