package io.agentmetrics.benchmarks;

import static java.util.Objects.requireNonNull;

/**
 * How one target fared in a run.
 *
 * @param target the target's id, such as {@code "collector-vs-floor"}
 * @param description what the target says, in words
 * @param status whether it was met
 * @param measured the measured ratio, time (ms) or spread (fraction); NaN when missing
 * @param limit the most the target allows, in the unit of {@code measured}
 * @param detail the figures behind {@code measured}, or why it is missing
 */
record Verdict(
    String target,
    String description,
    Status status,
    double measured,
    double limit,
    String detail) {

  /** Whether a target was met. */
  enum Status {
    /** Met. */
    PASS,
    /** Missed. */
    FAIL,
    /** Not measured in this run: a benchmark it needs is not in the results. */
    MISSING
  }

  Verdict {
    requireNonNull(target, "target");
    requireNonNull(description, "description");
    requireNonNull(status, "status");
    requireNonNull(detail, "detail");
  }

  static Verdict missing(String target, String description, double limit, String what) {
    return new Verdict(target, description, Status.MISSING, Double.NaN, limit, what);
  }

  static Verdict of(
      String target, String description, double measured, double limit, String detail) {
    return new Verdict(
        target,
        description,
        measured <= limit ? Status.PASS : Status.FAIL,
        measured,
        limit,
        detail);
  }
}
