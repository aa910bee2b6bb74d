package io.agentmetrics.a2a.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.PushNotificationConfig;
import io.agentmetrics.a2a.dto.TaskPushNotificationConfig;
import io.agentmetrics.a2a.store.InMemoryTaskRepository;
import io.agentmetrics.a2a.store.StoreLimits;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskPushConfigsTest {

  private static final String TASK = "task-1";

  private final AtomicInteger lookups = new AtomicInteger();
  private final CountDownLatch answerSlowLookups = new CountDownLatch(1);

  /**
   * Plays DNS: {@code public.example} is a public address, {@code slow.example} answers only once
   * the test ends, any literal is itself.
   */
  private final HostResolver dns =
      host -> {
        lookups.incrementAndGet();
        if (host.equals("slow.example")) {
          try {
            answerSlowLookups.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return host.equals("public.example") || host.equals("slow.example")
            ? new InetAddress[] {
              InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34})
            }
            : InetAddress.getAllByName(host);
      };

  private final TaskStore store =
      new TaskStore(
          new InMemoryTaskRepository(
              new StoreLimits(100, 1 << 20), Duration.ofMinutes(5), () -> 0L),
          new PushPayloads(Map.of()),
          10);
  private final PushUrlChecker urls =
      new PushUrlChecker(
          new PushUrlPolicy(List.of(), new PushAddressPolicy(false, dns)),
          PushUrlChecker.lookupThreads(1, 1),
          Duration.ofMillis(100));
  private final TaskPushConfigs configs = new TaskPushConfigs(store, urls, 2);

  TaskPushConfigsTest() {
    Message first =
        new Message("user", List.of(Part.text("hello")), "m-1", null, null, null, null, null);
    store.create(TASK, "context-1", first.withIds("context-1", TASK), Instant.EPOCH, null);
  }

  @AfterEach
  void closeLookups() {
    answerSlowLookups.countDown();
    urls.close();
  }

  @Test
  void aConfigWithoutAnIdIsStoredWithAGeneratedOne() {
    TaskPushNotificationConfig set = configs.set(config(null, "https://public.example/hook"));

    String id = set.pushNotificationConfig().id();
    assertThat(id).isNotBlank();
    assertThat(configs.get(TASK, id)).isEqualTo(set);
    assertThat(configs.get(TASK, null)).isEqualTo(set);
    assertThat(configs.list(TASK)).containsExactly(set);
  }

  @Test
  void aConfigWithTheIdOfOneHeldReplacesIt() {
    configs.set(config("a", "https://public.example/one"));

    configs.set(config("a", "https://public.example/two"));

    assertThat(configs.list(TASK))
        .extracting(c -> c.pushNotificationConfig().url())
        .containsExactly("https://public.example/two");
  }

  @Test
  void aUrlToAnInternalAddressIsRefusedAndNotStored() {
    assertThatThrownBy(() -> configs.set(config("a", "http://127.0.0.1:9/hook")))
        .isInstanceOf(TaskException.class)
        .hasMessageStartingWith("pushNotificationConfig.url ")
        .satisfies(
            e ->
                assertThat(((TaskException) e).reason())
                    .isEqualTo(TaskException.Reason.INVALID_PARAMS));
    assertThat(configs.list(TASK)).isEmpty();
  }

  @Test
  void aTaskHoldsNoMoreConfigsThanTheCap() {
    configs.set(config("a", "https://public.example/a"));
    configs.set(config("b", "https://public.example/b"));

    assertThatThrownBy(() -> configs.set(config("c", "https://public.example/c")))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("A2A_PUSH_MAX_CONFIGS_PER_TASK");
    assertThat(configs.list(TASK)).hasSize(2);
  }

  @Test
  void aDeletedConfigIsGoneAndASecondDeleteNamesIt() {
    configs.set(config("a", "https://public.example/a"));

    configs.delete(TASK, "a");

    assertThat(configs.list(TASK)).isEmpty();
    assertThatThrownBy(() -> configs.delete(TASK, "a"))
        .isInstanceOf(TaskException.class)
        .hasMessage("task task-1 has no push notification config with id a");
    assertThatThrownBy(() -> configs.get(TASK, "a"))
        .isInstanceOf(TaskException.class)
        .hasMessage("task task-1 has no push notification config with id a");
    assertThatThrownBy(() -> configs.get(TASK, null))
        .isInstanceOf(TaskException.class)
        .hasMessage("task task-1 has no push notification config");
  }

  @Test
  void theConfigsOfAnUnknownTaskAreNotFound() {
    assertThatThrownBy(() -> configs.list("nope"))
        .isInstanceOf(TaskException.class)
        .satisfies(
            e ->
                assertThat(((TaskException) e).reason()).isEqualTo(TaskException.Reason.NOT_FOUND));
    assertThatThrownBy(
            () ->
                configs.set(
                    new TaskPushNotificationConfig(
                        "nope",
                        new PushNotificationConfig(null, "https://public.example/a", null, null))))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("task nope was not found");
  }

  @Test
  void anUnknownTaskIsNotFoundBeforeItsUrlIsResolved() {
    assertThatThrownBy(
            () ->
                configs.set(
                    new TaskPushNotificationConfig(
                        "nope",
                        new PushNotificationConfig(null, "https://slow.example/a", null, null))))
        .isInstanceOf(TaskException.class)
        .satisfies(
            e ->
                assertThat(((TaskException) e).reason()).isEqualTo(TaskException.Reason.NOT_FOUND));
    assertThat(lookups.get()).isZero();
  }

  @Test
  void aHostThatDoesNotResolveInTimeIsRefusedAndNotStored() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () ->
            assertThatThrownBy(() -> configs.set(config("a", "https://slow.example/hook")))
                .isInstanceOf(TaskException.class)
                .hasMessage(
                    "pushNotificationConfig.url host did not resolve within 100 ms; try again or"
                        + " use another host")
                .satisfies(
                    e ->
                        assertThat(((TaskException) e).reason())
                            .isEqualTo(TaskException.Reason.INVALID_PARAMS)));
    assertThat(configs.list(TASK)).isEmpty();
  }

  @Test
  void theConfigSentWithATurnIsCheckedAndGetsAnId() {
    PushTarget checked =
        configs.checked(
            new PushTarget(
                new PushNotificationConfig(null, "https://public.example/a", null, null), null));

    assertThat(checked.config().id()).isNotBlank();
    assertThatThrownBy(
            () ->
                configs.checked(
                    new PushTarget(
                        new PushNotificationConfig(null, "http://10.0.0.1/a", null, null), null)))
        .isInstanceOf(TaskException.class);
  }

  private static TaskPushNotificationConfig config(String id, String url) {
    return new TaskPushNotificationConfig(TASK, new PushNotificationConfig(id, url, null, null));
  }
}
