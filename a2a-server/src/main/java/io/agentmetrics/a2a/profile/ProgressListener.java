package io.agentmetrics.a2a.profile;

/**
 * Told about each measured request as it starts and finishes. Called from the client threads, so
 * implementations must be thread-safe.
 */
interface ProgressListener {

  ProgressListener NONE =
      new ProgressListener() {
        @Override
        public void requestStarted(long index) {}

        @Override
        public void requestFinished(Sample sample, Outcome outcome) {}
      };

  void requestStarted(long index);

  void requestFinished(Sample sample, Outcome outcome);

  /** Called once after the last request, from the thread that ran the profile. */
  default void runFinished() {}
}
