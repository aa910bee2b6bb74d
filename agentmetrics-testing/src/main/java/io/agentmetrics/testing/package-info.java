/**
 * Test kit for code that implements or uses the agentmetrics API, in the {@code
 * agentmetrics-testing} artifact (use it in test scope):
 *
 * <ul>
 *   <li>{@link io.agentmetrics.testing.FakeTimeSource}, a clock that moves only when told to;
 *   <li>{@link io.agentmetrics.testing.TimingCollectorContractTest} and {@link
 *       io.agentmetrics.testing.MetricsSinkContractTest}, abstract tests that every implementation
 *       of {@link io.agentmetrics.api.TimingCollector} or {@link io.agentmetrics.api.MetricsSink}
 *       extends to prove it keeps the contract;
 *   <li>{@link io.agentmetrics.testing.BreakdownAssert}, AssertJ assertions for a {@link
 *       io.agentmetrics.api.TimingBreakdown}.
 * </ul>
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.testing;

import org.jspecify.annotations.NullMarked;
