package io.agentmetrics.a2a.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PushUrlCheckerTest {

  /** Long enough never to pass on a busy machine before a test releases its lookups. */
  private static final Duration NEVER = Duration.ofMinutes(5);

  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch entered = new CountDownLatch(1);
  private final AtomicInteger lookups = new AtomicInteger();

  /** Plays a slow DNS zone: every {@code slow} name waits for the test to release it. */
  private final HostResolver slowDns =
      host -> {
        if (host.startsWith("slow")) {
          lookups.incrementAndGet();
          entered.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return PushUrlPolicyTest.DNS.resolve(host.startsWith("slow") ? "hooks.example.com" : host);
      };

  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void releaseLookups() {
    release.countDown();
    callers.shutdownNow();
  }

  @Test
  void aHostThatDoesNotResolveWithinTheDeadlineIsRefusedWithWhatToDo() {
    try (PushUrlChecker checker =
        checker(PushUrlChecker.lookupThreads(1, 1), Duration.ofMillis(50))) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () ->
              assertThatThrownBy(() -> checker.check("https://slow-1.example.com/hook"))
                  .isInstanceOf(TaskException.class)
                  .hasMessage(
                      "pushNotificationConfig.url host did not resolve within 50 ms; try again or"
                          + " use another host")
                  .satisfies(
                      e ->
                          assertThat(((TaskException) e).reason())
                              .isEqualTo(TaskException.Reason.INVALID_PARAMS)));
    }
  }

  @Test
  void lookupsBeyondTheThreadsAndTheQueueAreRefusedAtOnceAndNeverStarted() throws Exception {
    ThreadPoolExecutor threads = PushUrlChecker.lookupThreads(1, 1);
    try (PushUrlChecker checker = checker(threads, NEVER)) {
      CompletableFuture<String> running =
          CompletableFuture.supplyAsync(
              () -> checker.check("https://slow-1.example.com/a").getHost(), callers);
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<String> queued =
          CompletableFuture.supplyAsync(
              () -> checker.check("https://slow-2.example.com/b").getHost(), callers);
      awaitQueued(threads, 1);

      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () ->
              assertThatThrownBy(() -> checker.check("https://slow-3.example.com/c"))
                  .isInstanceOf(TaskException.class)
                  .hasMessage(
                      "pushNotificationConfig.url host was not checked: too many push hosts are"
                          + " being resolved; try again in a few seconds or use another host"));
      assertThat(lookups.get()).isEqualTo(1);
      assertThat(threads.getPoolSize()).isEqualTo(1);

      release.countDown();
      assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo("slow-1.example.com");
      assertThat(queued.get(30, TimeUnit.SECONDS)).isEqualTo("slow-2.example.com");
      assertThat(lookups.get()).isEqualTo(2);
    }
  }

  @Test
  void aPublicHostIsAcceptedAndAnInternalOneRefused() {
    try (PushUrlChecker checker = checker(PushUrlChecker.lookupThreads(2, 2), NEVER)) {
      assertThat(checker.check("HTTPS://hooks.example.com/x").toString())
          .isEqualTo("https://hooks.example.com/x");
      assertThatThrownBy(() -> checker.check("https://intranet.example.com/x"))
          .isInstanceOf(TaskException.class)
          .hasMessageContaining("private");
      assertThatThrownBy(() -> checker.check("http://127.0.0.1/x"))
          .isInstanceOf(TaskException.class)
          .hasMessageContaining("loopback");
    }
  }

  @Test
  void aMalformedUrlIsRefusedWithoutALookup() {
    ThreadPoolExecutor threads = PushUrlChecker.lookupThreads(1, 1);
    try (PushUrlChecker checker = checker(threads, NEVER)) {
      assertThatThrownBy(() -> checker.check("ftp://slow.example.com/x"))
          .isInstanceOf(TaskException.class)
          .hasMessageContaining("http or https");

      assertThat(threads.getTaskCount()).isZero();
    }
  }

  @Test
  void aClosedCheckerRefusesAndSaysTheServerIsStopping() {
    PushUrlChecker checker = checker(PushUrlChecker.lookupThreads(1, 1), NEVER);
    checker.close();

    assertThatThrownBy(() -> checker.check("https://hooks.example.com/x"))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("the server is stopping");
  }

  private PushUrlChecker checker(ThreadPoolExecutor threads, Duration deadline) {
    return new PushUrlChecker(
        new PushUrlPolicy(List.of(), new PushAddressPolicy(false, slowDns)), threads, deadline);
  }

  /** Waits, briefly polling, until {@code count} lookups wait for a thread. */
  private static void awaitQueued(ThreadPoolExecutor threads, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (threads.getQueue().size() < count) {
      assertThat(System.nanoTime()).as("lookups queued in time").isLessThan(deadline);
      Thread.sleep(1);
    }
  }
}
