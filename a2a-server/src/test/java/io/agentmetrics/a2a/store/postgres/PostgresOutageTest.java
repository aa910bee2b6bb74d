package io.agentmetrics.a2a.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.dto.TaskState;
import io.agentmetrics.a2a.dto.TaskStatus;
import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.a2a.store.StoreUnavailableException;
import io.agentmetrics.a2a.store.StoredTask;
import io.agentmetrics.api.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A store whose database goes away fails each call fast with the retryable {@link
 * StoreUnavailableException}, and works again once the database is back, on the same pool; a
 * listener whose connection breaks listens again and says so, since it may have missed changes.
 */
class PostgresOutageTest {

  /** Far above the connection timeout: only a hang reaches it. */
  private static final Duration HANG = Duration.ofSeconds(30);

  @Test
  void callsFailFastWhileTheDatabaseIsDownAndSucceedOnceItIsBack() throws Exception {
    assumeTrue(
        LocalPostgres.unavailableReason().isEmpty(),
        () -> "skipped: " + LocalPostgres.unavailableReason().orElse(""));
    try (LocalPostgres server = LocalPostgres.startNew()) {
      DatabaseSettings base = server.settings();
      DatabaseSettings settings =
          new DatabaseSettings(
              base.url(), base.user(), "", 2, Duration.ofMillis(500), Duration.ofSeconds(2));
      try (PostgresDatabase database = PostgresDatabase.open(settings)) {
        PostgresTaskRepository store = storeOn(database);
        store.create(task("t-1"));

        server.stop();
        assertTimeoutPreemptively(
            HANG,
            () ->
                assertThatThrownBy(() -> store.find("t-1"))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("retry"));
        assertTimeoutPreemptively(
            HANG,
            () ->
                assertThatThrownBy(() -> store.create(task("t-2")))
                    .isInstanceOf(StoreUnavailableException.class));

        server.start();
        // The pool reconnects on its own; the first calls may meet the server still recovering.
        await()
            .atMost(HANG)
            .ignoreException(StoreUnavailableException.class)
            .until(() -> store.find("t-1").isPresent());
        assertThat(store.create(task("t-2")).version()).isEqualTo(1);
      }
    }
  }

  @Test
  void aListenerWhoseConnectionBreaksListensAgainAndIsToldItMayHaveMissedChanges()
      throws Exception {
    assumeTrue(
        LocalPostgres.unavailableReason().isEmpty(),
        () -> "skipped: " + LocalPostgres.unavailableReason().orElse(""));
    try (LocalPostgres server = LocalPostgres.startNew();
        PostgresDatabase database = PostgresDatabase.open(server.settings())) {
      PostgresTaskRepository store = storeOn(database);
      List<String> changed = new CopyOnWriteArrayList<>();
      AtomicInteger listening = new AtomicInteger();
      AutoCloseable subscription = store.listen(changed::add, listening::incrementAndGet);
      try {
        await().atMost(HANG).until(() -> listening.get() == 1);

        assertThat(server.terminateListeners()).isEqualTo(1);
        // The pool lends no request the connection the listener lost.
        for (int i = 0; i < 5; i++) {
          assertThat(store.find("t-" + i)).isEmpty();
        }

        await().atMost(HANG).until(() -> listening.get() == 2);
        store.create(task("t-1"));
        await().atMost(HANG).until(() -> changed.contains("t-1"));
      } finally {
        subscription.close();
      }
    }
  }

  @Test
  void theSettingsNeverShowThePassword() {
    DatabaseSettings settings =
        DatabaseSettings.of("jdbc:postgresql://127.0.0.1:5432/a2a", "agent", "s3cr3t-pw");

    assertThat(settings.toString()).doesNotContain("s3cr3t-pw").contains("<redacted>");
  }

  /** A task store on {@code database} with room to spare, on the system clock. */
  private static PostgresTaskRepository storeOn(PostgresDatabase database) {
    return new PostgresTaskRepository(
        database,
        new StoreLimits(100, 1 << 20),
        Duration.ofHours(1),
        TimeSource.system(),
        Duration.ofSeconds(30));
  }

  private static StoredTask task(String id) {
    Instant now = Instant.now();
    Message first =
        new Message(
            Message.ROLE_USER, List.of(Part.text("hi")), "m-" + id, "c", id, null, null, null);
    return new StoredTask(
        new Task(
            id,
            "c",
            new TaskStatus(TaskState.SUBMITTED, null, now.toString()),
            List.of(first),
            List.of()),
        now,
        List.of(),
        0);
  }
}
