package io.agentmetrics.a2a.trace;

import io.agentmetrics.a2a.profile.ProfileCommand;

/** A server class that imports the profiler, which {@code ArchitectureTest} must refuse. */
final class ImportsTheProfiler {

  ProfileCommand command() {
    return new ProfileCommand();
  }
}
