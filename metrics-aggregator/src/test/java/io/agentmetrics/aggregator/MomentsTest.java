package io.agentmetrics.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MomentsTest {

  @ParameterizedTest
  @CsvSource({
    "200000, 0.8", // log-normal latencies around 200 ms, in µs
    "3000000000, 0.0001", // large values close together: no cancellation
    "5, 1.5" // small values, many in the exact low buckets
  })
  void matchesHdrHistogramsMeanAndStandardDeviation(double median, double sigma) {
    Histogram histogram = new Histogram(SlicedHistogram.SIGNIFICANT_DIGITS);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      histogram.recordValue(Math.round(Math.exp(Math.log(median) + random.nextGaussian() * sigma)));
    }

    Moments moments = Moments.of(histogram);

    assertThat(moments.mean()).isCloseTo(histogram.getMean(), within(histogram.getMean() * 1e-9));
    assertThat(moments.stdDev())
        .isCloseTo(histogram.getStdDeviation(), within(histogram.getStdDeviation() * 1e-6 + 1e-9));
  }

  @ParameterizedTest
  @CsvSource({"0", "7"})
  void isZeroSpreadForOneValue(long value) {
    Histogram histogram = new Histogram(SlicedHistogram.SIGNIFICANT_DIGITS);
    histogram.recordValueWithCount(value, 3);

    assertThat(Moments.of(histogram)).isEqualTo(new Moments(histogram.getMean(), 0));
  }
}
