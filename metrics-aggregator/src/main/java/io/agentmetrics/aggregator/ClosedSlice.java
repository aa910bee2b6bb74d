package io.agentmetrics.aggregator;

import java.util.Arrays;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One closed slice's histogram, frozen into runs of adjacent non-empty buckets: each run as the
 * distance in value from the previous run's last bucket to its first bucket, the number of buckets
 * in it, and each bucket's count, all as variable-length integers. The distance's lowest bit says
 * whether a length follows, so a lone bucket takes its distance and its count only, and a single
 * empty bucket between two non-empty ones stays in the run as a count of zero, one byte where a new
 * run costs at least two. Where a latency distribution is dense, a bucket so takes one byte (its
 * count, while below 128) instead of a distance and a count; merging costs one {@code
 * recordValueWithCount} per non-empty bucket, where adding a {@code PackedHistogram} walks every
 * bucket index of the full range through the packed array's lookup.
 *
 * <p>Merging is exact: each bucket is recorded at its highest equivalent value, and the next bucket
 * of a run is found from the one before through {@link AbstractHistogram#highestEquivalentValue} of
 * the histogram merged into, which has the same buckets as the frozen one when both have the same
 * significant digits and a lowest discernible value of 1. The merged counts, minimum, maximum and
 * percentiles are those of merging the original histogram.
 *
 * <p>Immutable, so thread-safe.
 */
final class ClosedSlice {

  private static final long ARRAY_OVERHEAD_BYTES = 16;
  private static final long OBJECT_BYTES = 32;

  private final byte[] runs;
  private final long maxValue;

  private ClosedSlice(byte[] runs, long maxValue) {
    this.runs = runs;
    this.maxValue = maxValue;
  }

  /** Freezes the non-empty buckets of {@code histogram}, which may then be reset and reused. */
  static ClosedSlice of(AbstractHistogram histogram) {
    VarintBuffer encoded = new VarintBuffer();
    VarintBuffer counts = new VarintBuffer();
    long previousRunEnd = 0;
    long runStart = 0;
    long runEnd = 0;
    long runLength = 0;
    for (HistogramIterationValue bucket : histogram.recordedValues()) {
      long value = bucket.getValueIteratedTo();
      long next = histogram.highestEquivalentValue(runEnd + 1);
      if (runLength > 0 && value == next) {
        runLength++;
      } else if (runLength > 0 && value == histogram.highestEquivalentValue(next + 1)) {
        counts.put(0);
        runLength += 2;
      } else {
        if (runLength > 0) {
          encoded.putRun(runStart - previousRunEnd, runLength, counts);
          previousRunEnd = runEnd;
        }
        runStart = value;
        runLength = 1;
      }
      counts.put(bucket.getCountAtValueIteratedTo());
      runEnd = value;
    }
    if (runLength > 0) {
      encoded.putRun(runStart - previousRunEnd, runLength, counts);
    }
    return new ClosedSlice(encoded.toArray(), runEnd);
  }

  /** Records every bucket of this slice into {@code into}, which has the same buckets. */
  void addTo(AbstractHistogram into) {
    VarintReader reader = new VarintReader(runs);
    long value = 0;
    while (reader.hasMore()) {
      long distanceAndFlag = reader.next();
      value += distanceAndFlag >>> 1;
      long runLength = (distanceAndFlag & 1) == 0 ? 1 : reader.next();
      for (long bucket = 0; bucket < runLength; bucket++) {
        if (bucket > 0) {
          value = into.highestEquivalentValue(value + 1);
        }
        long count = reader.next();
        if (count > 0) {
          into.recordValueWithCount(value, count);
        }
      }
    }
  }

  /** The highest value recorded, to the bucket's precision. */
  long maxValue() {
    return maxValue;
  }

  long estimatedFootprintBytes() {
    return OBJECT_BYTES + ARRAY_OVERHEAD_BYTES + runs.length;
  }

  /** A growable array of unsigned variable-length integers, seven bits a byte, low bits first. */
  private static final class VarintBuffer {
    private static final int MAX_VARINT_BYTES = 10;

    private byte[] bytes = new byte[64];
    private int length;

    void put(long value) {
      if (bytes.length - length < MAX_VARINT_BYTES) {
        bytes = Arrays.copyOf(bytes, bytes.length * 2);
      }
      long remaining = value;
      while ((remaining & ~0x7fL) != 0) {
        bytes[length++] = (byte) ((remaining & 0x7f) | 0x80);
        remaining >>>= 7;
      }
      bytes[length++] = (byte) remaining;
    }

    /**
     * Appends a run's distance, flagged in its lowest bit when the length follows, the length of a
     * run longer than one bucket, then the run's counts, and empties {@code counts}.
     */
    void putRun(long distance, long runLength, VarintBuffer counts) {
      if (runLength == 1) {
        put(distance << 1);
      } else {
        put((distance << 1) | 1);
        put(runLength);
      }
      if (bytes.length - length < counts.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + counts.length));
      }
      System.arraycopy(counts.bytes, 0, bytes, length, counts.length);
      length += counts.length;
      counts.length = 0;
    }

    byte[] toArray() {
      return Arrays.copyOf(bytes, length);
    }
  }

  /** Reads the integers a {@link VarintBuffer} wrote. */
  private static final class VarintReader {
    private final byte[] bytes;
    private int position;

    VarintReader(byte[] bytes) {
      this.bytes = bytes;
    }

    boolean hasMore() {
      return position < bytes.length;
    }

    long next() {
      long value = 0;
      int shift = 0;
      byte next;
      do {
        next = bytes[position++];
        value |= (long) (next & 0x7f) << shift;
        shift += 7;
      } while (next < 0);
      return value;
    }
  }
}
