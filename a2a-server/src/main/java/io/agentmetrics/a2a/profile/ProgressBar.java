package io.agentmetrics.a2a.profile;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A live progress bar for terminals, redrawn in place with a carriage return at most every {@link
 * #REDRAW_NANOS}: completed requests, failures and the current rate.
 */
final class ProgressBar implements ProgressListener {

  static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final long planned;
  private final NanoClock clock;
  private final long startNanos;
  private long completed;
  private long failed;
  private long lastDrawNanos = Long.MIN_VALUE;

  ProgressBar(PrintWriter out, long planned, NanoClock clock) {
    this.out = out;
    this.planned = planned;
    this.clock = clock;
    this.startNanos = clock.nanoTime();
  }

  @Override
  public void requestStarted(long index) {}

  @Override
  public synchronized void requestFinished(Sample sample, Outcome outcome) {
    completed++;
    if (!outcome.succeeded()) {
      failed++;
    }
    long now = clock.nanoTime();
    if (lastDrawNanos == Long.MIN_VALUE || now - lastDrawNanos >= REDRAW_NANOS) {
      lastDrawNanos = now;
      draw(now);
    }
  }

  @Override
  public synchronized void runFinished() {
    draw(clock.nanoTime());
    out.println();
    out.flush();
  }

  private void draw(long now) {
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    String rate = String.format(Locale.ROOT, "%.1f req/s", completed / seconds);
    if (planned > 0) {
      int filled = (int) Math.min(WIDTH, completed * WIDTH / planned);
      out.printf(
          Locale.ROOT,
          "\r[%s%s] %d/%d  %3d%%  %s  %d failed ",
          "█".repeat(filled),
          "░".repeat(WIDTH - filled),
          completed,
          planned,
          completed * 100 / planned,
          rate,
          failed);
    } else {
      out.printf(
          Locale.ROOT, "\r%d requests  %s  %d failed  %.0f s ", completed, rate, failed, seconds);
    }
    out.flush();
  }
}
