/**
 * Internal, may change: code that both packages of supervisor-observability share and no other
 * module may use.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.supervisor.internal;

import org.jspecify.annotations.NullMarked;
