package io.agentmetrics.a2a.profile;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * Why one request failed. Failures are counted per cause, so the cause is a value: the kind and,
 * for HTTP statuses and JSON-RPC errors, the code.
 */
record FailureCause(Kind kind, int code) implements Comparable<FailureCause> {

  private static final Comparator<FailureCause> ORDER =
      Comparator.comparing(FailureCause::kind).thenComparingInt(FailureCause::code);

  /** The classes of failure the profiler tells apart. */
  enum Kind {
    CONNECTION_REFUSED,
    UNKNOWN_HOST,
    TIMEOUT,
    HTTP_STATUS,
    JSON_RPC_ERROR,
    TASK_FAILED,
    INVALID_RESPONSE,
    IO_ERROR;

    /** Whether this failure means that no server answered at all. */
    boolean meansUnreachable() {
      return this == CONNECTION_REFUSED || this == UNKNOWN_HOST;
    }
  }

  static final FailureCause CONNECTION_REFUSED = new FailureCause(Kind.CONNECTION_REFUSED, 0);
  static final FailureCause UNKNOWN_HOST = new FailureCause(Kind.UNKNOWN_HOST, 0);
  static final FailureCause TIMEOUT = new FailureCause(Kind.TIMEOUT, 0);
  static final FailureCause TASK_FAILED = new FailureCause(Kind.TASK_FAILED, 0);
  static final FailureCause INVALID_RESPONSE = new FailureCause(Kind.INVALID_RESPONSE, 0);
  static final FailureCause IO_ERROR = new FailureCause(Kind.IO_ERROR, 0);

  FailureCause {
    requireNonNull(kind, "kind");
  }

  static FailureCause httpStatus(int status) {
    return new FailureCause(Kind.HTTP_STATUS, status);
  }

  static FailureCause jsonRpcError(int code) {
    return new FailureCause(Kind.JSON_RPC_ERROR, code);
  }

  /** The label used in the results block and in the JSON output, e.g. {@code HTTP 500}. */
  String label() {
    return switch (kind) {
      case CONNECTION_REFUSED -> "connection refused";
      case UNKNOWN_HOST -> "unknown host";
      case TIMEOUT -> "timeout";
      case HTTP_STATUS -> "HTTP " + code;
      case JSON_RPC_ERROR -> "JSON-RPC error " + code;
      case TASK_FAILED -> "task failed";
      case INVALID_RESPONSE -> "invalid response";
      case IO_ERROR -> "I/O error";
    };
  }

  @Override
  public int compareTo(FailureCause other) {
    return ORDER.compare(this, other);
  }
}
