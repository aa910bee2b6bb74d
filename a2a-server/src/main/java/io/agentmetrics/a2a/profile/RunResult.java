package io.agentmetrics.a2a.profile;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Everything a profiling run measured. Latency histograms hold successful requests only, in
 * microseconds; {@code corrected} is measured from the intended start (equal to {@code uncorrected}
 * in closed-loop runs).
 *
 * @param settings the run's settings
 * @param startedAt wall-clock start of the measured run
 * @param elapsedNanos from the start of the run to the end of its last response
 * @param successes successful requests
 * @param failures failed requests by cause, in a stable order
 * @param corrected latency from intended start
 * @param uncorrected latency from actual send
 * @param ttft time to first SSE event (empty unless streaming)
 * @param samples per-request samples in request order, at most {@link LoadRun#MAX_SAMPLES}
 * @param samplesTruncated whether samples were dropped because of that limit
 * @param lag how far the open-loop schedule slipped
 * @param unreachable whether the run was abandoned because no server answered
 */
record RunResult(
    ProfileSettings settings,
    Instant startedAt,
    long elapsedNanos,
    long successes,
    Map<FailureCause, Long> failures,
    Histogram corrected,
    Histogram uncorrected,
    Histogram ttft,
    List<Sample> samples,
    boolean samplesTruncated,
    ScheduleLag lag,
    boolean unreachable) {

  RunResult {
    requireNonNull(settings, "settings");
    requireNonNull(startedAt, "startedAt");
    failures = Collections.unmodifiableMap(new TreeMap<>(failures));
    requireNonNull(corrected, "corrected");
    requireNonNull(uncorrected, "uncorrected");
    requireNonNull(ttft, "ttft");
    samples = List.copyOf(samples);
    requireNonNull(lag, "lag");
  }

  static RunResult unreachable(ProfileSettings settings, Instant at) {
    return new RunResult(
        settings,
        at,
        0,
        0,
        Map.of(),
        LatencyHistograms.newMicros(),
        LatencyHistograms.newMicros(),
        LatencyHistograms.newMicros(),
        List.of(),
        false,
        new ScheduleLag(0, 0, settings.openLoop()),
        true);
  }

  long failed() {
    return failures.values().stream().mapToLong(Long::longValue).sum();
  }

  long total() {
    return successes + failed();
  }

  /** Successful requests per second of the measured run. */
  double throughput() {
    return elapsedNanos == 0 ? 0 : successes / (elapsedNanos / 1e9);
  }

  /** The histogram the headline statistics come from. */
  Histogram latency() {
    return corrected;
  }
}
