/**
 * Build support shipped in metrics-api's test-jar for the other modules' tests, never for users:
 * {@link io.agentmetrics.api.testing.DocSnippets}, which keeps the Java blocks of the docs
 * compiling, and {@link io.agentmetrics.api.testing.BackendProcess}, which runs a real backend for
 * an integration test. The test kit for users (a fake clock, contract tests, assertions) is the
 * {@code agentmetrics-testing} artifact.
 *
 * <p>Use it with a {@code test-jar} dependency on {@code metrics-api} in test scope.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.api.testing;

import org.jspecify.annotations.NullMarked;
