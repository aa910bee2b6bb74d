package io.agentmetrics.aggregator;

import java.util.Arrays;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One closed slice's histogram, frozen into its non-empty buckets: each bucket as the distance in
 * value from the previous one and its count, both as variable-length integers. A slice of a few
 * thousand buckets takes two to four bytes per bucket, and merging it into a histogram costs one
 * {@code recordValueWithCount} per non-empty bucket, where adding a {@code PackedHistogram} walks
 * every bucket index of the full range through the packed array's lookup.
 *
 * <p>Merging is exact: each bucket is recorded at its highest equivalent value, which falls in the
 * same bucket of any histogram with the same significant digits, so the merged counts, minimum,
 * maximum and percentiles are those of merging the original histogram.
 *
 * <p>Immutable, so thread-safe.
 */
final class ClosedSlice {

  private static final long ARRAY_OVERHEAD_BYTES = 16;
  private static final long OBJECT_BYTES = 32;
  private static final int MAX_VARINT_BYTES = 10;

  private final byte[] buckets;
  private final long maxValue;

  private ClosedSlice(byte[] buckets, long maxValue) {
    this.buckets = buckets;
    this.maxValue = maxValue;
  }

  /** Freezes the non-empty buckets of {@code histogram}, which may then be reset and reused. */
  static ClosedSlice of(AbstractHistogram histogram) {
    byte[] encoded = new byte[64];
    int length = 0;
    long previousValue = 0;
    for (HistogramIterationValue bucket : histogram.recordedValues()) {
      if (encoded.length - length < 2 * MAX_VARINT_BYTES) {
        encoded = Arrays.copyOf(encoded, encoded.length * 2);
      }
      long value = bucket.getValueIteratedTo();
      length = putVarint(encoded, length, value - previousValue);
      length = putVarint(encoded, length, bucket.getCountAtValueIteratedTo());
      previousValue = value;
    }
    return new ClosedSlice(Arrays.copyOf(encoded, length), previousValue);
  }

  /** Records every bucket of this slice into {@code into}. */
  void addTo(AbstractHistogram into) {
    long value = 0;
    int position = 0;
    while (position < buckets.length) {
      long delta = 0;
      int shift = 0;
      byte next;
      do {
        next = buckets[position++];
        delta |= (long) (next & 0x7f) << shift;
        shift += 7;
      } while (next < 0);
      long count = 0;
      shift = 0;
      do {
        next = buckets[position++];
        count |= (long) (next & 0x7f) << shift;
        shift += 7;
      } while (next < 0);
      value += delta;
      into.recordValueWithCount(value, count);
    }
  }

  /** The highest value recorded, to the bucket's precision. */
  long maxValue() {
    return maxValue;
  }

  long estimatedFootprintBytes() {
    return OBJECT_BYTES + ARRAY_OVERHEAD_BYTES + buckets.length;
  }

  private static int putVarint(byte[] into, int position, long value) {
    long remaining = value;
    while ((remaining & ~0x7fL) != 0) {
      into[position++] = (byte) ((remaining & 0x7f) | 0x80);
      remaining >>>= 7;
    }
    into[position++] = (byte) remaining;
    return position;
  }
}
