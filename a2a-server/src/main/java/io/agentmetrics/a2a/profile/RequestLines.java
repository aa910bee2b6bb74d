package io.agentmetrics.a2a.profile;

import java.io.PrintWriter;

/**
 * The seed's per-request lines, {@code Request 3/10... ✓ 1245.32ms}. Only used when requests run
 * one at a time, so a line's start and end are never interleaved with another request's.
 */
final class RequestLines implements ProgressListener {

  private final PrintWriter out;
  private final long planned;

  RequestLines(PrintWriter out, long planned) {
    this.out = out;
    this.planned = planned;
  }

  @Override
  public void requestStarted(long index) {
    out.print(
        planned > 0 ? "Request " + index + "/" + planned + "... " : "Request " + index + "... ");
    out.flush();
  }

  @Override
  public void requestFinished(Sample sample, Outcome outcome) {
    if (outcome.succeeded()) {
      out.println("✓ " + Formats.ms(sample.correctedNanos()) + "ms");
    } else {
      out.println("✗ " + outcome.detail());
    }
    out.flush();
  }
}
