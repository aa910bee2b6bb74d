package io.agentmetrics.a2a.profile;

/**
 * The seed's performance goals for the stages around the model call. A goal passes when the stage's
 * p95 is below the limit: the p95 keeps one slow outlier (a GC pause, a cold cache) from failing a
 * run, while still catching a stage that is slow for one request in twenty.
 */
enum StageGoal {
  JSON_PARSING(Stages.JSON_PARSING, 1),
  MESSAGE_NORMALIZATION(Stages.MESSAGE_NORMALIZATION, 5),
  CONTEXT_LOOKUP(Stages.CONTEXT_LOOKUP, 1),
  RESPONSE_SERIALIZATION(Stages.RESPONSE_SERIALIZATION, 10);

  private final String stage;
  private final double limitMs;

  StageGoal(String stage, double limitMs) {
    this.stage = stage;
    this.limitMs = limitMs;
  }

  String stage() {
    return stage;
  }

  double limitMs() {
    return limitMs;
  }

  /** The outcome of checking one goal. */
  enum Status {
    PASS,
    FAIL,
    NO_DATA;

    String label() {
      return this == NO_DATA ? "NO DATA" : name();
    }
  }
}
