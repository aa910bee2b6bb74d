package io.agentmetrics.a2a.profile;

/** The outcome of checking one stage's goal on its p95. */
enum GoalStatus {
  PASS,
  FAIL,
  NO_DATA;

  String label() {
    return this == NO_DATA ? "NO DATA" : name();
  }
}
