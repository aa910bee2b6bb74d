/**
 * The look the live dashboard and the command-line reports share: one stylesheet, kept as a
 * classpath resource, and the reader of such resources. It depends on nothing else in the server.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.style;

import org.jspecify.annotations.NullMarked;
