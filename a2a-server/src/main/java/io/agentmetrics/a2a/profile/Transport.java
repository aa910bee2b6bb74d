package io.agentmetrics.a2a.profile;

/**
 * One request/response exchange, split in two so the request is built before its send time and
 * building it is never part of the measured latency.
 *
 * @param <R> the prepared request type
 */
interface Transport<R> {

  R prepare(long index);

  Outcome send(R request);
}
