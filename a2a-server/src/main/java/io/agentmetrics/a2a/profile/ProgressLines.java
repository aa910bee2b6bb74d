package io.agentmetrics.a2a.profile;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress for logs and pipes: one line per completed tenth of a planned run, or one line every
 * {@link #INTERVAL_NANOS} for a time-bound run. Which lines appear depends only on the counts, so
 * output is stable for a given plan.
 */
final class ProgressLines implements ProgressListener {

  static final long INTERVAL_NANOS = 5_000_000_000L;

  private final PrintWriter out;
  private final long planned;
  private final NanoClock clock;
  private final long startNanos;
  private long completed;
  private long failed;
  private long nextReportNanos;

  ProgressLines(PrintWriter out, long planned, NanoClock clock) {
    this.out = out;
    this.planned = planned;
    this.clock = clock;
    this.startNanos = clock.nanoTime();
    this.nextReportNanos = startNanos + INTERVAL_NANOS;
  }

  @Override
  public void requestStarted(long index) {}

  @Override
  public synchronized void requestFinished(Sample sample, Outcome outcome) {
    completed++;
    if (!outcome.succeeded()) {
      failed++;
    }
    if (planned > 0) {
      if (completed * 10 / planned > (completed - 1) * 10 / planned) {
        out.printf(
            Locale.ROOT,
            "Progress: %d/%d (%d%%), %d failed%n",
            completed,
            planned,
            completed * 100 / planned,
            failed);
        out.flush();
      }
      return;
    }
    long now = clock.nanoTime();
    if (now >= nextReportNanos) {
      nextReportNanos = now + INTERVAL_NANOS;
      out.printf(
          Locale.ROOT,
          "Progress: %d requests, %d failed, %d s elapsed%n",
          completed,
          failed,
          (now - startNanos) / 1_000_000_000L);
      out.flush();
    }
  }
}
