package io.agentmetrics.a2a.store;

/**
 * What a store holds and what it let go.
 *
 * @param entries entries held
 * @param bytes the bytes they retain, estimated
 * @param evictions entries evicted for count, weight or age by this process
 * @since 0.1.0
 */
public record StoreStatistics(long entries, long bytes, long evictions) {}
