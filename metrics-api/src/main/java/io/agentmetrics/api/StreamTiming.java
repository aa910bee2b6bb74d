package io.agentmetrics.api;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * When the chunks of a streamed LLM answer arrived, measured from the moment the call was issued:
 * the time to the first chunk, and for every later chunk the time since the chunk before it. It
 * travels as the {@link PhaseRecord#LLM_STREAM_TIMING} metadata of the LLM phase. Immutable and
 * thread-safe.
 *
 * @param timeToFirstChunkMs milliseconds from issuing the call to receiving the first chunk
 * @param chunkIntervalsMs for each chunk after the first, in order, the milliseconds since the
 *     chunk before it; copied, and returned as a copy
 * @since 0.1.0
 */
// Copied in and out, and equals, hashCode and toString compare the values: see below.
@SuppressWarnings("ArrayRecordComponent")
public record StreamTiming(double timeToFirstChunkMs, double[] chunkIntervalsMs) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a time is negative or not finite
   */
  public StreamTiming {
    Preconditions.nonNegative(timeToFirstChunkMs, "timeToFirstChunkMs");
    chunkIntervalsMs = chunkIntervalsMs.clone();
    for (int i = 0; i < chunkIntervalsMs.length; i++) {
      double interval = chunkIntervalsMs[i];
      // Checked before the field name is built: a stream has a chunk per token, so naming every
      // element up front cost a string per token.
      if (!(interval >= 0) || Double.isInfinite(interval)) {
        Preconditions.nonNegative(interval, "chunkIntervalsMs[" + i + "]");
      }
    }
  }

  /** A copy of the intervals between consecutive chunks, in milliseconds. */
  @Override
  public double[] chunkIntervalsMs() {
    return chunkIntervalsMs.clone();
  }

  /** How many chunks arrived: the first one and one per interval. */
  public int chunks() {
    return chunkIntervalsMs.length + 1;
  }

  /** The interval before chunk {@code index + 1}, in milliseconds, without copying the array. */
  public double chunkIntervalMs(int index) {
    return chunkIntervalsMs[index];
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof StreamTiming timing
        && Double.compare(timing.timeToFirstChunkMs, timeToFirstChunkMs) == 0
        && Arrays.equals(timing.chunkIntervalsMs, chunkIntervalsMs);
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(timeToFirstChunkMs) + Arrays.hashCode(chunkIntervalsMs);
  }

  @Override
  public String toString() {
    return "StreamTiming[timeToFirstChunkMs=" + timeToFirstChunkMs + ", chunks=" + chunks() + "]";
  }
}
