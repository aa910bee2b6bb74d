/**
 * The task and context stores in PostgreSQL, which replicas of the server share ({@code
 * A2A_TASK_STORE=postgres}): a HikariCP pool whose schema Flyway migrates ({@link
 * io.agentmetrics.a2a.store.postgres.PostgresDatabase}), and the stores on it.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.store.postgres;

import org.jspecify.annotations.NullMarked;
