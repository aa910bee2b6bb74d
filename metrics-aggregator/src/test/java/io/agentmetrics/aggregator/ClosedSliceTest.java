package io.agentmetrics.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ClosedSliceTest {

  /** The slice object and its array's header, before the encoded bytes. */
  private static final long OVERHEAD_BYTES = 32 + 16;

  @Test
  void adjacentBucketsTakeOneByteEachAfterTheirRunsDistanceAndLength() {
    Histogram histogram = histogram();
    for (long value = 1; value <= 1_000; value++) {
      histogram.recordValue(value);
    }

    ClosedSlice slice = ClosedSlice.of(histogram);

    // One run: distance 1 from zero (1 byte), length 1,000 (2 bytes), 1,000 counts of 1 (1 byte
    // each). A distance and a count per bucket took 2,000 bytes.
    assertThat(slice.estimatedFootprintBytes()).isEqualTo(OVERHEAD_BYTES + 1 + 2 + 1_000);
    assertThat(mergedInto(slice)).isEqualTo(histogram);
  }

  @Test
  void aRunContinuesAcrossTheEdgeWhereBucketsDoubleInWidth() {
    Histogram histogram = histogram();
    for (long value = 1_000; value <= 3_000; value++) {
      histogram.recordValue(value);
    }

    ClosedSlice slice = ClosedSlice.of(histogram);

    // Buckets 1 wide up to 2,047 (1,048 of them, count 1), then 2 wide (2,048-2,049 to
    // 3,000-3,001: 477, count 2 but the last 1). One run: distance 1,000 (2 bytes), length 1,525
    // (2 bytes), 1,525 counts (1 byte each).
    assertThat(slice.estimatedFootprintBytes()).isEqualTo(OVERHEAD_BYTES + 2 + 2 + 1_525);
    assertThat(mergedInto(slice)).isEqualTo(histogram);
    assertThat(slice.maxValue()).isEqualTo(3_001);
  }

  @Test
  void aSingleEmptyBucketStaysInTheRunAndAWiderGapStartsANewOne() {
    Histogram histogram = histogram();
    for (long value = 10; value <= 20; value++) {
      if (value != 15) {
        histogram.recordValue(value);
      }
    }
    histogram.recordValueWithCount(23, 200);

    ClosedSlice slice = ClosedSlice.of(histogram);

    // Run 10..20: distance 10 flagged (21), length 11, ten counts of 1 and the zero of 15: 13
    // bytes. Bucket 23, after two empty ones: distance 3 shifted (6), count 200 (2 bytes): 3 bytes.
    // A distance and a count per bucket took 23.
    assertThat(slice.estimatedFootprintBytes()).isEqualTo(OVERHEAD_BYTES + 13 + 3);
    assertThat(mergedInto(slice)).isEqualTo(histogram);
    assertThat(slice.maxValue()).isEqualTo(23);
  }

  @Test
  void aLoneBucketTakesItsDistanceAndCountWithoutALength() {
    Histogram histogram = histogram();
    histogram.recordValueWithCount(20, 1);
    histogram.recordValueWithCount(50, 2);
    histogram.recordValueWithCount(100_000, 3);

    ClosedSlice slice = ClosedSlice.of(histogram);

    // Distances 20, 30 and 99,981 (100,000's bucket, 64 wide, ends at 100,031), shifted left by
    // one: 40 and 60 take a byte each, 199,962 three; each count a byte: what a distance and a
    // count per bucket took. A length per lone bucket would add three bytes.
    assertThat(slice.estimatedFootprintBytes()).isEqualTo(OVERHEAD_BYTES + 1 + 1 + 1 + 1 + 3 + 1);
    assertThat(mergedInto(slice)).isEqualTo(histogram);
    assertThat(slice.maxValue()).isEqualTo(100_031);
  }

  @Test
  void mergingRestoresEveryBucketOfLogNormalLatenciesOverTheFullRange() {
    Histogram histogram = histogram();
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      double micros = 200_000 * Math.exp(2.5 * gaussian(random));
      histogram.recordValue(Math.min(MetricsAggregator.HIGHEST_RECORDED, Math.round(micros)));
    }
    histogram.recordValue(0);
    histogram.recordValue(MetricsAggregator.HIGHEST_RECORDED);

    ClosedSlice slice = ClosedSlice.of(histogram);

    Histogram merged = mergedInto(slice);
    assertThat(merged).isEqualTo(histogram);
    assertThat(merged.getValueAtPercentile(99.9)).isEqualTo(histogram.getValueAtPercentile(99.9));
    assertThat(slice.maxValue()).isEqualTo(histogram.getMaxValue());
  }

  @Test
  void anEmptyHistogramFreezesToNoBuckets() {
    ClosedSlice slice = ClosedSlice.of(histogram());

    assertThat(slice.estimatedFootprintBytes()).isEqualTo(OVERHEAD_BYTES);
    assertThat(mergedInto(slice).getTotalCount()).isZero();
    assertThat(slice.maxValue()).isZero();
  }

  private static Histogram histogram() {
    return new Histogram(SlicedHistogram.SIGNIFICANT_DIGITS);
  }

  private static Histogram mergedInto(ClosedSlice slice) {
    Histogram merged = histogram();
    slice.addTo(merged);
    return merged;
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
