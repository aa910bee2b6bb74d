package io.agentmetrics.a2a.task;

/**
 * A push host that resolves to an internal address while private addresses are not allowed. The
 * message names the rule, never the resolved address: that would tell a client what internal names
 * resolve to.
 */
final class RefusedAddressException extends Exception {

  private static final long serialVersionUID = 1L;

  RefusedAddressException(InternalAddresses.Verdict verdict) {
    super(
        "resolves to "
            + verdict.describe()
            + "; push notifications go to public addresses only"
            + " (A2A_PUSH_ALLOW_PRIVATE=true allows internal ones, for local development)",
        null,
        false,
        false);
  }
}
