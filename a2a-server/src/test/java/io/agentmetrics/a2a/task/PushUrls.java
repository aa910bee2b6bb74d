package io.agentmetrics.a2a.task;

import java.net.URI;

/** Push URLs checked in one step, as a request's URL is in two ({@link PushUrlChecker}). */
final class PushUrls {

  private PushUrls() {}

  /** {@code url} read by {@code policy}, its host resolved and every address checked. */
  static URI checked(PushUrlPolicy policy, String url) {
    return policy.checkAddresses(policy.parse(url));
  }
}
