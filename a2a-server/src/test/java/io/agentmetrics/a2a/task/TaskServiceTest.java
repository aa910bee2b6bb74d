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
import io.agentmetrics.a2a.dto.TaskStatusUpdateEvent;
import io.agentmetrics.a2a.telex.NormalizedMessage;
import io.agentmetrics.api.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TaskServiceTest {

  private static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(30);

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
    try (TaskService tasks = service(1)) {
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
  void aFullAgentQueueRefusesANewTurnAtOnceWithoutCreatingItsTask() throws Exception {
    try (TaskService tasks = service(1)) {
      tasks.send(message("running"), normalized("running"), null, null);
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
      tasks.send(message("queued"), normalized("queued"), null, null);

      assertBusy(
          () -> tasks.send(message("refused"), normalized("refused"), null, null),
          "the agent queue is full (1 turns waiting, A2A_AGENT_QUEUE)");
      assertThat(tasks.storeStats().tasks()).isEqualTo(2);
      releaseFirst.countDown();
    }
  }

  @Test
  void aBlockingSendRunsTheTurnOnTheCallersThreadWhenASlotIsFree() {
    try (TaskService tasks = service(1)) {
      TaskRun run = sendBlocking(tasks, "here", new CompletableFuture<>());

      assertThat(threads.get("here")).isSameAs(Thread.currentThread());
      assertThat(run.submitted().status().state()).isEqualTo(TaskState.SUBMITTED);
      assertThat(run.completion()).isCompleted();
      assertThat(run.completion().join().task().status().state()).isEqualTo(TaskState.COMPLETED);
    }
  }

  @Test
  void aBlockingSendThatFindsNoFreeSlotWaitsInLineWithoutHoldingTheCallersThread()
      throws Exception {
    try (TaskService tasks = service(1)) {
      tasks.send(message("first"), normalized("first"), null, null);
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();

      TaskRun second = sendBlocking(tasks, "second", new CompletableFuture<>());

      assertThat(second.completion()).isNotDone();
      assertThat(tasks.storeStats().queuedTurns()).isEqualTo(1);
      nanos.addAndGet(Duration.ofMillis(50).toNanos());
      releaseFirst.countDown();
      RunResult result = second.completion().get(30, TimeUnit.SECONDS);
      assertThat(result.queueWaitMs()).isEqualTo(50.0);
      assertThat(result.task().status().state()).isEqualTo(TaskState.COMPLETED);
      assertThat(threads.get("second")).isNotSameAs(Thread.currentThread());
    }
  }

  @Test
  void noMoreThanCallerTurnsRunOnCallersThreads() throws Exception {
    try (TaskService tasks = service(settings(2, 10).callerTurns(1).build())) {
      CompletableFuture<TaskRun> onCaller =
          CompletableFuture.supplyAsync(
              () -> sendBlocking(tasks, "first", new CompletableFuture<>()));
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();

      TaskRun second = sendBlocking(tasks, "second", new CompletableFuture<>());

      assertThat(second.completion().get(30, TimeUnit.SECONDS).task().status().state())
          .isEqualTo(TaskState.COMPLETED);
      assertThat(threads.get("second").getName()).startsWith("a2a-agent-");
      releaseFirst.countDown();
      assertThat(onCaller.get(30, TimeUnit.SECONDS).completion()).isCompleted();
    }
  }

  @Test
  void aBlockingSendIsRefusedAtOnceWhenTheLineIsFull() throws Exception {
    try (TaskService tasks = service(1)) {
      tasks.send(message("running"), normalized("running"), null, null);
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
      TaskRun waiting = sendBlocking(tasks, "waiting", new CompletableFuture<>());

      assertBusy(
          () -> sendBlocking(tasks, "refused", new CompletableFuture<>()), "A2A_AGENT_QUEUE");
      assertThat(tasks.storeStats().tasks()).isEqualTo(2);
      releaseFirst.countDown();
      assertThat(waiting.completion().get(30, TimeUnit.SECONDS).task().status().state())
          .isEqualTo(TaskState.COMPLETED);
    }
  }

  @Test
  void aTurnTheLineCouldNotStartBeforeTheDeadlineIsRefusedAtOnce() throws Exception {
    try (TaskService tasks = service(10)) {
      // One turn of 20 s (on the fake clock) teaches the queue how long turns take.
      sendBlocking(tasks, "slow", new CompletableFuture<>());
      tasks.send(message("running"), normalized("running"), null, null);
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
      // One slot, busy: the first in line starts after one turn (20 s), the second after two.
      TaskRun queued = tasks.send(message("queued"), normalized("queued"), null, null);

      assertBusy(
          () -> tasks.send(message("too late"), normalized("too late"), null, null),
          "would wait about 40 s for the agent, longer than A2A_AGENT_QUEUE_TIMEOUT_MS (30000 ms)");
      releaseFirst.countDown();
      assertThat(queued.completion().get(30, TimeUnit.SECONDS).task().status().state())
          .isEqualTo(TaskState.COMPLETED);
    }
  }

  @Test
  void aTurnThatWaitedPastTheDeadlineEndsFailedWithoutReachingTheAgent() throws Exception {
    try (TaskService tasks = service(1)) {
      tasks.send(message("running"), normalized("running"), null, null);
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
      TaskRun late = tasks.send(message("late"), normalized("late"), null, null);

      nanos.addAndGet(QUEUE_TIMEOUT.plusMillis(1).toNanos());
      releaseFirst.countDown();

      RunResult result = late.completion().get(30, TimeUnit.SECONDS);
      assertThat(result.task().status().state()).isEqualTo(TaskState.FAILED);
      assertThat(result.task().status().message().parts().get(0).text())
          .contains("A2A_AGENT_QUEUE_TIMEOUT_MS");
      assertThat(threads).doesNotContainKey("late");
    }
  }

  @Test
  void cancellingABlockingSendInterruptsItsTurnButLeavesTheCallerUninterrupted() throws Exception {
    try (TaskService tasks = service(1)) {
      CompletableFuture<Boolean> callerInterrupted = new CompletableFuture<>();
      CompletableFuture<TaskRun> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                TaskRun run = sendBlocking(tasks, "endless", new CompletableFuture<>());
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
  void aCallerThatGoesAwayCancelsItsRunningTurn() throws Exception {
    try (TaskService tasks = service(1)) {
      CompletableFuture<Void> gone = new CompletableFuture<>();
      CompletableFuture<TaskRun> waiting =
          CompletableFuture.supplyAsync(() -> sendBlocking(tasks, "endless", gone));
      assertThat(endlessStarted.await(30, TimeUnit.SECONDS)).isTrue();

      gone.complete(null);

      assertThat(waiting.get(30, TimeUnit.SECONDS).completion().join().task().status().state())
          .isEqualTo(TaskState.CANCELED);
    }
  }

  @Test
  void aCallerThatGoesAwayCancelsItsTurnWhileItWaitsInLine() throws Exception {
    try (TaskService tasks = service(1)) {
      tasks.send(message("first"), normalized("first"), null, null);
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Void> gone = new CompletableFuture<>();
      TaskRun second = sendBlocking(tasks, "second", gone);

      gone.complete(null);

      assertThat(second.completion().join().task().status().state()).isEqualTo(TaskState.CANCELED);
      assertThat(tasks.storeStats().queuedTurns()).isZero();
      releaseFirst.countDown();
      TaskRun third = tasks.send(message("third"), normalized("third"), null, null);
      assertThat(third.completion().get(30, TimeUnit.SECONDS).task().status().state())
          .isEqualTo(TaskState.COMPLETED);
      assertThat(threads).doesNotContainKey("second");
    }
  }

  @Test
  void aCallerThatGoesAwayAfterItsTurnEndedCancelsNothing() {
    try (TaskService tasks = service(1)) {
      CompletableFuture<Void> gone = new CompletableFuture<>();
      TaskRun run = sendBlocking(tasks, "here", gone);

      gone.complete(null);

      assertThat(tasks.get(run.submitted().id(), null).status().state())
          .isEqualTo(TaskState.COMPLETED);
    }
  }

  @Test
  void streamsBeyondTheServersCapAreRefusedUntilOneCloses() {
    try (TaskService tasks = service(settings(1, 1).maxStreams(2).build())) {
      TaskEventStream first = tasks.newStream();
      tasks.newStream();

      assertBusy(tasks::newStream, "2 event streams are open (A2A_MAX_STREAMS)");
      first.close();
      first.close();
      tasks.newStream();
      assertBusy(tasks::newStream, "A2A_MAX_STREAMS");
    }
  }

  @Test
  void aResubscribeBeyondTheTasksCapIsRefusedAndGivesItsPlaceBack() throws Exception {
    try (TaskService tasks = service(settings(1, 1).maxStreams(3).maxStreamsPerTask(2).build())) {
      TaskRun run = tasks.send(message("first"), normalized("first"), null, null);
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
      String id = run.submitted().id();
      tasks.resubscribe(id);
      tasks.resubscribe(id);

      assertBusy(() -> tasks.resubscribe(id), "A2A_MAX_STREAMS_PER_TASK");
      // The refused stream did not keep its place under the server's cap of three.
      assertThat(tasks.newStream()).isNotNull();
      releaseFirst.countDown();
    }
  }

  @Test
  void cancellingARunningTaskPushesTheCanceledTaskOnce() throws Exception {
    try (PushReceiver receiver = new PushReceiver(0);
        LogCapture logs = LogCapture.attach()) {
      TaskService tasks =
          service(settings(1, 1).push(localPush(10, Duration.ofSeconds(10))).build());
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

  @Test
  void stoppingStreamedTurnsEndsThemFailedAtOnceAndLetsTheOthersFinish() throws Exception {
    try (PushReceiver receiver = new PushReceiver(0)) {
      TaskService tasks = service(settings(2, 10).build());
      TaskEventStream stream = tasks.newStream();
      TaskRun streamed =
          tasks.send(
              message("endless"),
              normalized("endless"),
              new PushTarget(new PushNotificationConfig(null, receiver.url(), null, null), null),
              stream);
      TaskRun unwatched = tasks.send(message("first"), normalized("first"), null, null);
      assertThat(endlessStarted.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();

      tasks.stopStreamedTurns();

      Task stopped = streamed.completion().get(30, TimeUnit.SECONDS).task();
      assertThat(stopped.status().state()).isEqualTo(TaskState.FAILED);
      assertThat(stopped.status().message().parts().get(0).text())
          .isEqualTo("The server stopped before answering.");
      List<Object> events = new ArrayList<>();
      for (Optional<Object> next = stream.poll(); next.isPresent(); next = stream.poll()) {
        events.add(next.get());
      }
      assertThat(events.get(events.size() - 1))
          .isInstanceOfSatisfying(
              TaskStatusUpdateEvent.class,
              last -> {
                assertThat(last.isFinal()).isTrue();
                assertThat(last.status().state()).isEqualTo(TaskState.FAILED);
              });
      assertThat(unwatched.completion()).isNotDone();
      releaseFirst.countDown();
      assertThat(unwatched.completion().get(30, TimeUnit.SECONDS).task().status().state())
          .isEqualTo(TaskState.COMPLETED);
      assertThat(receiver.delivered.await(30, TimeUnit.SECONDS)).isTrue();
      // Once the interrupted turn has ended, a second push would have arrived.
      tasks.shutdown(Duration.ofSeconds(30));
      assertThat(receiver.calls.get()).isEqualTo(1);
    }
  }

  @Test
  void aNextTurnRefusedForItsPushConfigGivesBackItsPlaceInLineAndLeavesTheTaskAsItWas() {
    try (TaskService tasks =
        service(settings(1, 1).push(localPush(1, Duration.ofSeconds(1))).build())) {
      TaskRun first =
          tasks.sendBlocking(
              message("here"),
              normalized("here"),
              push("http://127.0.0.1:9/a"),
              new CompletableFuture<>());
      String id = first.submitted().id();
      Task before = tasks.get(id, null);

      assertThatThrownBy(
              () ->
                  tasks.send(
                      next(id, "again"), normalized("again"), push("http://127.0.0.1:9/b"), null))
          .isInstanceOf(TaskException.class)
          .hasMessageContaining("A2A_PUSH_MAX_CONFIGS_PER_TASK");

      assertThat(tasks.get(id, null)).isEqualTo(before);
      assertThat(tasks.storeStats().queuedTurns()).isZero();
      // The line has room for one turn: the refused one did not keep it.
      TaskRun next = tasks.send(next(id, "again"), normalized("again"), null, null);
      assertThat(next.submitted().status().state()).isEqualTo(TaskState.SUBMITTED);
    }
  }

  @Test
  void aTurnOfAnUnknownTaskIsNotFoundBeforeItsPushUrlIsChecked() {
    try (TaskService tasks = service(settings(1, 1).push(QuickPushSettings.of()).build())) {
      assertThatThrownBy(
              () ->
                  tasks.send(
                      next("nope", "again"),
                      normalized("again"),
                      push("http://127.0.0.1:9/a"),
                      null))
          .isInstanceOf(TaskException.class)
          .satisfies(
              e ->
                  assertThat(((TaskException) e).reason())
                      .isEqualTo(TaskException.Reason.NOT_FOUND));
    }
  }

  private static void assertBusy(ThrowingCallable send, String message) {
    assertThatThrownBy(send)
        .isInstanceOf(TaskException.class)
        .hasMessageContaining(message)
        .satisfies(
            e ->
                assertThat(((TaskException) e).reason())
                    .isEqualTo(TaskException.Reason.OVERLOADED));
  }

  private TaskRun sendBlocking(TaskService tasks, String query, CompletableFuture<Void> gone) {
    return tasks.sendBlocking(message(query), normalized(query), null, gone);
  }

  private TaskService service(int queueCapacity) {
    return service(settings(1, queueCapacity).build());
  }

  private static Settings settings(int agentThreads, int queueCapacity) {
    return new Settings(agentThreads, queueCapacity);
  }

  private TaskService service(TaskSettings settings) {
    return new TaskService(
        settings,
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
          if (query.equals("slow")) {
            nanos.addAndGet(Duration.ofSeconds(20).toNanos());
          }
          return new AgentReply("ok", new AgentStageTimings(0, 0, 0, 0));
        },
        JsonMappers.create(16, 1000, 1 << 20, 100_000),
        clock);
  }

  private static Message message(String text) {
    return new Message("user", List.of(Part.text(text)), "m-" + text, null, null, null, null, null);
  }

  /** The next turn of task {@code taskId}. */
  private static Message next(String taskId, String text) {
    return new Message(
        "user", List.of(Part.text(text)), "m-" + text, null, taskId, null, null, null);
  }

  private static PushTarget push(String url) {
    return new PushTarget(new PushNotificationConfig(null, url, null, null), null);
  }

  /** Pushes that may go to loopback, one attempt each. */
  private static PushSettings localPush(int maxConfigsPerTask, Duration timeout) {
    return new PushSettings(
        List.of(),
        true,
        maxConfigsPerTask,
        timeout,
        1,
        Duration.ofMillis(10),
        Duration.ofMillis(10));
  }

  private static NormalizedMessage normalized(String text) {
    return new NormalizedMessage(List.of(text), List.of());
  }

  /**
   * The test's task settings: one slot that callers may use, and pushes that may go to loopback,
   * unless told otherwise.
   */
  private static final class Settings {
    private final int agentThreads;
    private final int queueCapacity;
    private int callerTurns = 1;
    private int maxStreams = 100;
    private int maxStreamsPerTask = 10;
    private PushSettings push = localPush(10, Duration.ofSeconds(1));

    Settings(int agentThreads, int queueCapacity) {
      this.agentThreads = agentThreads;
      this.queueCapacity = queueCapacity;
    }

    Settings callerTurns(int value) {
      callerTurns = value;
      return this;
    }

    Settings maxStreams(int value) {
      maxStreams = value;
      return this;
    }

    Settings maxStreamsPerTask(int value) {
      maxStreamsPerTask = value;
      return this;
    }

    Settings push(PushSettings value) {
      push = value;
      return this;
    }

    TaskSettings build() {
      return new TaskSettings(
          100,
          1 << 20,
          10,
          Duration.ofMinutes(5),
          agentThreads,
          queueCapacity,
          QUEUE_TIMEOUT,
          callerTurns,
          maxStreams,
          maxStreamsPerTask,
          push);
    }
  }
}
