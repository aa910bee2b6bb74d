/**
 * Telex message normalization: Telex sends the query as the first text part and the conversation as
 * a {@code data} part holding text parts with HTML; this package turns that into a plain query and
 * a short, clean history.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.telex;

import org.jspecify.annotations.NullMarked;
