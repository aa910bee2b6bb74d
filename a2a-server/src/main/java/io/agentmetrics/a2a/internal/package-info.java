/**
 * Internal, may change: small helpers shared by the server's packages. Nothing outside {@code
 * a2a-server} may use them.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.internal;

import org.jspecify.annotations.NullMarked;
