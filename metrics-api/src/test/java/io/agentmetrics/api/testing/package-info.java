/**
 * Test support shipped in metrics-api's test-jar: a fake {@link
 * io.agentmetrics.api.testing.FakeTimeSource}, the {@link
 * io.agentmetrics.api.testing.TimingCollectorContractTest} kit every {@link
 * io.agentmetrics.api.TimingCollector} implementation extends, and {@link
 * io.agentmetrics.api.testing.DocSnippets}, which keeps the Java blocks of the docs compiling, and
 * {@link io.agentmetrics.api.testing.BackendProcess}, which runs a real backend for an integration
 * test.
 *
 * <p>Use it with a {@code test-jar} dependency on {@code metrics-api} in test scope.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.api.testing;

import org.jspecify.annotations.NullMarked;
