package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

  @Test
  void withoutA2aTaskStoreEverythingStaysInMemory() {
    assertThat(store(Map.of()).database()).isNull();
    assertThat(store(Map.of("A2A_TASK_STORE", "memory")).database()).isNull();
  }

  @Test
  void postgresReadsTheDatabaseAndTheLeaseAndNeverShowsThePassword() {
    StoreSettings settings =
        store(
            Map.of(
                "A2A_TASK_STORE", "postgres",
                "A2A_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/a2a",
                "A2A_DATABASE_USER", "agent",
                "A2A_DATABASE_PASSWORD", "pw-1234",
                "A2A_TASK_LEASE_SECONDS", "7"));

    assertThat(settings.database()).isNotNull();
    assertThat(settings.database().password()).isEqualTo("pw-1234");
    assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(7));
    assertThat(settings.toString()).doesNotContain("pw-1234");
  }

  @Test
  void postgresWithoutItsUrlOrWithAnotherDatabasesUrlNamesTheVariable() {
    assertThatThrownBy(() -> store(Map.of("A2A_TASK_STORE", "postgres", "A2A_DATABASE_USER", "u")))
        .hasMessageContaining("A2A_DATABASE_URL must be set");
    assertThatThrownBy(
            () ->
                store(
                    Map.of(
                        "A2A_TASK_STORE", "postgres",
                        "A2A_DATABASE_URL", "jdbc:mysql://h/db",
                        "A2A_DATABASE_USER", "u")))
        .hasMessageContaining("A2A_DATABASE_URL")
        .hasMessageContaining("jdbc:postgresql://");
    assertThatThrownBy(() -> store(Map.of("A2A_TASK_STORE", "redis")))
        .hasMessageContaining("A2A_TASK_STORE must be one of memory, postgres");
  }

  private static StoreSettings store(Map<String, String> env) {
    return EnvironmentConfig.of(env).serverConfig().store();
  }
}
