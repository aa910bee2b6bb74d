package io.agentmetrics.a2a.profile;

import org.jspecify.annotations.Nullable;

/**
 * What one HTTP exchange produced: success or a failure cause, a human-readable detail for the
 * per-request line, and for streams the {@link System#nanoTime()} at which the first SSE event
 * arrived ({@link #NO_EVENT} otherwise).
 */
record Outcome(@Nullable FailureCause cause, String detail, long firstEventNanos) {

  static final long NO_EVENT = Long.MIN_VALUE;

  static Outcome success(long firstEventNanos) {
    return new Outcome(null, "", firstEventNanos);
  }

  static Outcome failure(FailureCause cause, String detail) {
    return new Outcome(cause, detail, NO_EVENT);
  }

  boolean succeeded() {
    return cause == null;
  }
}
