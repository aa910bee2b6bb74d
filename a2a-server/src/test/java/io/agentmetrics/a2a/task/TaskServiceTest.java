package io.agentmetrics.a2a.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.agentmetrics.a2a.LogCapture;
import io.agentmetrics.a2a.PushReceiver;
import io.agentmetrics.a2a.agent.AgentReply;
import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.dto.JsonMappers;
import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.PushNotificationConfig;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.dto.TaskState;
import io.agentmetrics.a2a.telex.NormalizedMessage;
import io.agentmetrics.api.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TaskServiceTest {

  private final AtomicLong nanos = new AtomicLong();
  private final TimeSource clock =
      new TimeSource() {
        @Override
        public long nanoTime() {
          return nanos.get();
        }

        @Override
        public Instant now() {
          return Instant.EPOCH.plusNanos(nanos.get());
        }
      };
  private final CountDownLatch firstStarted = new CountDownLatch(1);
  private final CountDownLatch releaseFirst = new CountDownLatch(1);
  private final CountDownLatch endlessStarted = new CountDownLatch(1);
  private final Map<String, Thread> threads = new ConcurrentHashMap<>();
  private final Map<String, String> taskIds = new ConcurrentHashMap<>();

  @Test
  void aTurnThatWaitsForAnAgentThreadRecordsTheWaitAsQueueWait() throws Exception {
    try (TaskService tasks = service()) {
      TaskRun first = tasks.send(message("first"), normalized("first"), null, null);
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
      TaskRun second = tasks.send(message("second"), normalized("second"), null, null);

      nanos.addAndGet(Duration.ofMillis(50).toNanos());
      releaseFirst.countDown();

      RunResult firstResult = first.completion().get(30, TimeUnit.SECONDS);
      RunResult secondResult = second.completion().get(30, TimeUnit.SECONDS);
      assertThat(firstResult.queueWaitMs()).isZero();
      assertThat(secondResult.queueWaitMs()).isEqualTo(50.0);
      assertThat(secondResult.task().status().state()).isEqualTo(TaskState.COMPLETED);
      assertThat(secondResult.agentStages()).isPresent();
    }
  }

  @Test
  void aFullAgentQueueRefusesNewTurnsAndForgetsTheRefusedTask() throws Exception {
    try (TaskService tasks = service()) {
      tasks.send(message("running"), normalized("running"), null, null);
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
      tasks.send(message("queued"), normalized("queued"), null, null);

      assertOverloaded(() -> tasks.send(message("refused"), normalized("refused"), null, null));
      assertThat(tasks.storeStats().tasks()).isEqualTo(2);
      releaseFirst.countDown();
    }
  }

  @Test
  void aWaitingSendRunsTheTurnOnTheCallersThreadAndReturnsItEnded() {
    try (TaskService tasks = service()) {
      TaskRun run = tasks.sendAndWait(message("here"), normalized("here"), null);

      assertThat(threads.get("here")).isSameAs(Thread.currentThread());
      assertThat(run.submitted().status().state()).isEqualTo(TaskState.SUBMITTED);
      assertThat(run.completion()).isCompleted();
      assertThat(run.completion().join().task().status().state()).isEqualTo(TaskState.COMPLETED);
    }
  }

  @Test
  void aWaitingSendSharesTheSlotsWithBackgroundTurnsAndRecordsItsWaitAsQueueWait()
      throws Exception {
    try (TaskService tasks = service()) {
      tasks.send(message("first"), normalized("first"), null, null);
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<TaskRun> waiting = sendAndWaitInLine(tasks, "second");

      nanos.addAndGet(Duration.ofMillis(50).toNanos());
      releaseFirst.countDown();

      RunResult second = waiting.get(30, TimeUnit.SECONDS).completion().join();
      assertThat(second.queueWaitMs()).isEqualTo(50.0);
      assertThat(second.task().status().state()).isEqualTo(TaskState.COMPLETED);
    }
  }

  @Test
  void aWaitingSendIsRefusedWhenTheLineForSlotsIsFull() throws Exception {
    try (TaskService tasks = service()) {
      tasks.send(message("running"), normalized("running"), null, null);
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<TaskRun> waiting = sendAndWaitInLine(tasks, "waiting");

      assertOverloaded(() -> tasks.sendAndWait(message("refused"), normalized("refused"), null));
      assertThat(tasks.storeStats().tasks()).isEqualTo(2);
      releaseFirst.countDown();
      assertThat(waiting.get(30, TimeUnit.SECONDS).completion().join().task().status().state())
          .isEqualTo(TaskState.COMPLETED);
    }
  }

  @Test
  void cancellingAWaitingSendInterruptsItsTurnButLeavesTheCallerUninterrupted() throws Exception {
    try (TaskService tasks = service()) {
      CompletableFuture<Boolean> callerInterrupted = new CompletableFuture<>();
      CompletableFuture<TaskRun> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                TaskRun run = tasks.sendAndWait(message("endless"), normalized("endless"), null);
                callerInterrupted.complete(Thread.currentThread().isInterrupted());
                return run;
              });
      assertThat(endlessStarted.await(30, TimeUnit.SECONDS)).isTrue();

      tasks.cancel(taskIds.get("endless"));

      assertThat(waiting.get(30, TimeUnit.SECONDS).completion().join().task().status().state())
          .isEqualTo(TaskState.CANCELED);
      assertThat(callerInterrupted.join()).isFalse();
    }
  }

  @Test
  void cancellingARunningTaskPushesTheCanceledTaskOnce() throws Exception {
    try (PushReceiver receiver = new PushReceiver(0);
        LogCapture logs = LogCapture.attach()) {
      TaskService tasks =
          service(
              new PushSettings(
                  List.of(),
                  true,
                  10,
                  Duration.ofSeconds(10),
                  1,
                  Duration.ofMillis(10),
                  Duration.ofMillis(10)));
      TaskRun run =
          tasks.send(
              message("endless"),
              normalized("endless"),
              new PushTarget(new PushNotificationConfig(null, receiver.url(), null, null), null),
              null);
      assertThat(endlessStarted.await(30, TimeUnit.SECONDS)).isTrue();

      Task canceled = tasks.cancel(run.submitted().id());
      assertThat(receiver.delivered.await(30, TimeUnit.SECONDS)).isTrue();
      // Once the interrupted turn has ended, a second push would have arrived or been logged.
      tasks.shutdown(Duration.ofSeconds(30));

      assertThat(canceled.status().state()).isEqualTo(TaskState.CANCELED);
      assertThat(receiver.calls.get()).isEqualTo(1);
      assertThat(logs.events())
          .noneMatch(
              e ->
                  e.getLoggerName().equals(PushNotifier.class.getName())
                      && e.getLevel().isGreaterOrEqual(Level.WARN));
    }
  }

  private static void assertOverloaded(ThrowingCallable send) {
    assertThatThrownBy(send)
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("the agent queue is full (1 waiting)")
        .satisfies(
            e ->
                assertThat(((TaskException) e).reason())
                    .isEqualTo(TaskException.Reason.OVERLOADED));
  }

  /** Starts a waiting send on another thread and returns once it waits in line for a slot. */
  private CompletableFuture<TaskRun> sendAndWaitInLine(TaskService tasks, String query)
      throws Exception {
    CompletableFuture<TaskRun> run =
        CompletableFuture.supplyAsync(
            () -> tasks.sendAndWait(message(query), normalized(query), null));
    awaitQueuedTurns(tasks, 1);
    return run;
  }

  private static void awaitQueuedTurns(TaskService tasks, long queued) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (tasks.storeStats().queuedTurns() < queued) {
      assertThat(System.nanoTime()).as("waiting for %d queued turns", queued).isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private TaskService service() {
    return service(QuickPushSettings.of());
  }

  private TaskService service(PushSettings push) {
    return new TaskService(
        new TaskSettings(100, 1 << 20, 10, Duration.ofMinutes(5), 1, 1, push),
        request -> {
          String query = request.message().texts().get(0);
          threads.put(query, Thread.currentThread());
          taskIds.put(query, request.taskId());
          if (query.equals("first") || query.equals("running")) {
            firstStarted.countDown();
            releaseFirst.await();
          }
          if (query.equals("endless")) {
            endlessStarted.countDown();
            new CountDownLatch(1).await();
          }
          return new AgentReply("ok", new AgentStageTimings(0, 0, 0, 0));
        },
        JsonMappers.create(16, 1000, 1 << 20, 100_000),
        clock);
  }

  private static Message message(String text) {
    return new Message("user", List.of(Part.text(text)), "m-" + text, null, null, null, null, null);
  }

  private static NormalizedMessage normalized(String text) {
    return new NormalizedMessage(List.of(text), List.of());
  }
}
