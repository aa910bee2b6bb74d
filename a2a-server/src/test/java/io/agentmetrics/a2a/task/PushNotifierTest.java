package io.agentmetrics.a2a.task;

import static io.agentmetrics.a2a.task.PushUrls.checked;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.LogCapture;
import io.agentmetrics.a2a.PushReceiver;
import io.agentmetrics.a2a.PushReceiver.Answer;
import io.agentmetrics.a2a.dto.JsonMappers;
import io.agentmetrics.a2a.dto.PushNotificationAuthenticationInfo;
import io.agentmetrics.a2a.dto.PushNotificationConfig;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.dto.TaskState;
import io.agentmetrics.a2a.dto.TaskStatus;
import io.agentmetrics.api.testing.BackendProcess;
import io.agentmetrics.testing.FakeTimeSource;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The push client against a real webhook on loopback, with DNS and the retry timer played. */
class PushNotifierTest {

  private static final ObjectMapper MAPPER = JsonMappers.create(16, 10_000, 1 << 20, 100_000);
  private static final InetAddress PUBLIC = address("93.184.215.14");
  private static final InetAddress LOOPBACK = address("127.0.0.1");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final LogCapture logs = LogCapture.attach();
  private final RecordingTimer timer = new RecordingTimer();

  @AfterEach
  void detach() {
    logs.close();
  }

  @Test
  void aHostThatRebindsToAnInternalAddressAfterTheCheckIsRefusedWhenConnecting() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    PushAddressPolicy addresses =
        new PushAddressPolicy(
            false, host -> new InetAddress[] {lookups.incrementAndGet() == 1 ? PUBLIC : LOOPBACK});
    PushUrlPolicy urls = new PushUrlPolicy(List.of(), addresses);
    try (PushReceiver receiver = new PushReceiver(0)) {
      String url = "http://rebinding.example:" + receiver.port() + "/hook";
      checked(urls, url); // when the config is set, the name resolves to a public address

      try (PushNotifier notifier = notifier(urls, addresses, 3)) {
        notifier.send(task(), new PushNotificationConfig("c", url, "t", null), null);
        ILoggingEvent warning = awaitWarning();

        assertThat(warning.getFormattedMessage())
            .contains("task-1", "rebinding.example", "loopback", "after 1 attempt");
      }
      assertThat(receiver.calls.get()).isZero();
      assertThat(lookups.get()).isEqualTo(2);
      assertThat(timer.delays).as("a refused address is not retried").isEmpty();
    }
  }

  @Test
  void thePushConnectsToTheAddressThePolicyResolvedAndCarriesTheSecretsAsHeaders()
      throws Exception {
    PushAddressPolicy addresses =
        new PushAddressPolicy(
            true,
            host -> {
              assertThat(host).isEqualTo("receiver.example");
              return new InetAddress[] {LOOPBACK};
            });
    try (PushReceiver receiver = new PushReceiver(0);
        PushNotifier notifier = notifier(new PushUrlPolicy(List.of(), addresses), addresses, 1)) {
      notifier.send(
          task(),
          new PushNotificationConfig(
              "c",
              "HTTP://receiver.example:" + receiver.port() + "/hook",
              "tok-1",
              new PushNotificationAuthenticationInfo(List.of("Bearer"), "cred-1")),
          null);

      assertThat(receiver.delivered.await(30, TimeUnit.SECONDS)).isTrue();
      PushReceiver.Received push = receiver.received.get(0);
      assertThat(push.headers().get(PushNotifier.TOKEN_HEADER)).containsExactly("tok-1");
      assertThat(push.headers().get("Authorization")).containsExactly("Bearer cred-1");
      assertThat(push.headers().get("Content-Type").get(0)).startsWith("application/json");
      assertThat(MAPPER.readTree(push.body()).path("id").asText()).isEqualTo("task-1");
    }
  }

  @Test
  void retriesFollowTheReceiversRetryAfterAndTheBackoffWithoutWaiting() throws Exception {
    try (PushReceiver receiver =
            new PushReceiver(
                call ->
                    switch (call) {
                      case 1 -> new Answer(503, "5");
                      case 2 -> Answer.of(429);
                      default -> Answer.of(204);
                    });
        PushNotifier notifier = loopbackNotifier(3)) {
      notifier.send(task(), config(receiver.url()), null);

      assertThat(receiver.delivered.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(receiver.calls.get()).isEqualTo(3);
      // Retry-After 5 s beats the first 50 ms (100 ms halved, no jitter); then 100 ms.
      assertThat(timer.delays).containsExactly(Duration.ofSeconds(5), Duration.ofMillis(100));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 404, 410, 301, 302})
  void aPushAnsweredWithAFinalStatusIsTriedOnceAndLoggedOnce(int status) throws Exception {
    try (PushReceiver receiver = new PushReceiver(call -> Answer.of(status));
        PushNotifier notifier = loopbackNotifier(3)) {
      notifier.send(task(), config(receiver.url() + "?secret=q-1"), null);

      assertThat(awaitWarning().getFormattedMessage())
          .contains("task-1", "HTTP " + status, "not retried")
          .doesNotContain("q-1", "tok-1");
      assertThat(receiver.calls.get()).isEqualTo(1);
      assertThat(timer.delays).isEmpty();
      assertThat(warnings()).hasSize(1);
    }
  }

  @Test
  void aNetworkErrorIsRetriedUntilTheAttemptsRunOutThenLoggedOnce() throws Exception {
    String closedPort = "http://127.0.0.1:" + BackendProcess.freePort() + "/hook";
    try (PushNotifier notifier = loopbackNotifier(3)) {
      notifier.send(task(), config(closedPort), null);

      assertThat(awaitWarning().getFormattedMessage())
          .contains("task-1", "127.0.0.1", "after 3 attempt(s)", "ConnectException");
      assertThat(timer.delays).hasSize(2);
      assertThat(warnings()).hasSize(1);
    }
  }

  @Test
  void closingLogsAPushThatWasWaitingForItsRetry() throws Exception {
    timer.runAtOnce = false;
    try (PushReceiver receiver = new PushReceiver(Integer.MAX_VALUE)) {
      PushNotifier notifier = loopbackNotifier(3);
      notifier.send(task(), config(receiver.url()), null);
      assertThat(timer.scheduled.await(30, TimeUnit.SECONDS)).isTrue();

      notifier.close();

      assertThat(awaitWarning().getFormattedMessage())
          .contains("task-1", "the server stopped before the next attempt");
      assertThat(warnings()).hasSize(1);
      assertThat(receiver.calls.get()).isEqualTo(1);
    }
  }

  @Test
  void closingWithAGracePeriodLetsAPushInFlightFinish() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    try (PushReceiver receiver =
        new PushReceiver(
            call -> {
              arrived.countDown();
              await(answer);
              return Answer.of(204);
            })) {
      PushNotifier notifier = loopbackNotifier(1);
      notifier.send(task(), config(receiver.url()), null);
      assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
      Thread closing = new Thread(() -> notifier.close(WAIT));
      closing.start();
      Awaitility.await("close waiting for the push in flight")
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(5))
          .until(() -> closing.getState() == Thread.State.TIMED_WAITING);

      answer.countDown();
      closing.join(WAIT.toMillis());

      assertThat(closing.isAlive()).isFalse();
      assertThat(receiver.received).hasSize(1);
      assertThat(warnings()).isEmpty();
    }
  }

  @Test
  void aPushThatCannotEvenStartIsLoggedAndSendNeverThrows() throws Exception {
    PushNotifier notifier = loopbackNotifier(3);
    notifier.send(task(), config("ftp://receiver.example/hook"), null);
    notifier.close();
    notifier.send(task(), config("http://127.0.0.1:9/hook"), null);

    assertThat(warnings())
        .map(ILoggingEvent::getFormattedMessage)
        .satisfiesExactly(
            first -> assertThat(first).contains("task-1", "not sent", "http or https"),
            second -> assertThat(second).contains("task-1", "the server stopped"));
  }

  private PushNotifier loopbackNotifier(int maxAttempts) {
    PushAddressPolicy addresses = new PushAddressPolicy(true, HostResolver.system());
    return notifier(new PushUrlPolicy(List.of(), addresses), addresses, maxAttempts);
  }

  private PushNotifier notifier(PushUrlPolicy urls, PushAddressPolicy addresses, int maxAttempts) {
    return new PushNotifier(
        MAPPER,
        urls,
        addresses,
        new PushRetryPolicy(
            maxAttempts,
            Duration.ofMillis(100),
            Duration.ofSeconds(30),
            () -> 0.0,
            new FakeTimeSource()),
        Duration.ofSeconds(10),
        timer);
  }

  private ILoggingEvent awaitWarning() {
    return logs.await("a warning from the notifier", PushNotifierTest::isWarning, WAIT);
  }

  private List<ILoggingEvent> warnings() {
    return logs.events().stream().filter(PushNotifierTest::isWarning).toList();
  }

  private static boolean isWarning(ILoggingEvent event) {
    return event.getLoggerName().equals(PushNotifier.class.getName())
        && event.getLevel() == Level.WARN;
  }

  private static Task task() {
    return new Task(
        "task-1",
        "context-1",
        new TaskStatus(TaskState.COMPLETED, null, "2026-01-01T00:00:00Z"),
        List.of(),
        List.of());
  }

  private static PushNotificationConfig config(String url) {
    return new PushNotificationConfig("c", url, "tok-1", null);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  /** Records every delay; runs the retry at once, or holds it when told to. */
  private static final class RecordingTimer implements PushNotifier.RetryTimer {
    final List<Duration> delays = new CopyOnWriteArrayList<>();
    final CountDownLatch scheduled = new CountDownLatch(1);
    volatile boolean runAtOnce = true;

    @Override
    public void schedule(Runnable retry, Duration delay) {
      delays.add(delay);
      scheduled.countDown();
      if (runAtOnce) {
        retry.run();
      }
    }

    @Override
    public void close() {}
  }
}
