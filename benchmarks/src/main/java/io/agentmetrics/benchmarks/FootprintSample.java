package io.agentmetrics.benchmarks;

/**
 * The aggregator's memory after a number of records, as {@link FootprintProbe} measures it.
 *
 * @param records how many metrics were added
 * @param retainedHeapBytes heap used after full GCs with the aggregator alive, minus the same
 *     before it was created
 * @param estimatedBytes the aggregator's own {@code estimatedFootprintBytes()}
 */
record FootprintSample(long records, long retainedHeapBytes, long estimatedBytes) {}
