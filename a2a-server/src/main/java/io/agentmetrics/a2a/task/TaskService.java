package io.agentmetrics.a2a.task;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import io.agentmetrics.a2a.agent.AgentFailedException;
import io.agentmetrics.a2a.agent.AgentReply;
import io.agentmetrics.a2a.agent.AgentRequest;
import io.agentmetrics.a2a.agent.TaskProcessor;
import io.agentmetrics.a2a.dto.Artifact;
import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.PushNotificationConfig;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.dto.TaskPushNotificationConfig;
import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.a2a.telex.NormalizedMessage;
import io.agentmetrics.agent.concurrent.DaemonThreadFactory;
import io.agentmetrics.api.TimeSource;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs A2A tasks: creates or continues a task per send, runs each turn either in the background on
 * a bounded agent executor or on the thread of a caller that waits for it, with at most {@code
 * agentThreads} turns running at once either way (the time a turn waits for a slot is its
 * QUEUE_WAIT). Cancels by interrupting the turn, streams events to subscribers and sends push
 * notifications when a turn ends.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class TaskService implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(TaskService.class);
  private static final double NANOS_PER_MS = 1_000_000.0;

  private final TaskStore store;
  private final TaskProcessor processor;
  private final TimeSource time;
  private final ThreadPoolExecutor executor;
  private final AgentSlots slots;
  private final PushNotifier notifier;
  private final PushUrlPolicy pushPolicy;
  private final int maxPushConfigs;
  private final int maxHistory;

  /**
   * A service with the given bounds.
   *
   * @param settings store, executor and push bounds
   * @param processor the agent
   * @param mapper serializes push-notification bodies
   * @param time the clock for QUEUE_WAIT and timestamps
   * @since 0.1.0
   */
  public TaskService(
      TaskSettings settings, TaskProcessor processor, ObjectMapper mapper, TimeSource time) {
    requireNonNull(settings, "settings");
    this.processor = requireNonNull(processor, "processor");
    this.time = requireNonNull(time, "time");
    this.store =
        new TaskStore(
            new StoreLimits(settings.storeMaxSize(), settings.storeMaxBytes()),
            settings.ttl(),
            Ticker.systemTicker());
    this.maxHistory = settings.maxHistory();
    this.executor =
        new ThreadPoolExecutor(
            settings.agentThreads(),
            settings.agentThreads(),
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(settings.agentQueueCapacity()),
            new DaemonThreadFactory("a2a-agent"));
    this.slots = new AgentSlots(settings.agentThreads(), settings.agentQueueCapacity());
    PushSettings push = settings.push();
    PushAddressPolicy addresses = new PushAddressPolicy(push.allowPrivate(), HostResolver.system());
    this.pushPolicy = new PushUrlPolicy(push.allowedHosts(), addresses);
    this.maxPushConfigs = push.maxConfigsPerTask();
    this.notifier =
        new PushNotifier(
            mapper,
            pushPolicy,
            addresses,
            new PushRetryPolicy(
                push.maxAttempts(),
                push.initialBackoff(),
                push.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble(),
                time),
            push.timeout(),
            PushNotifier.RetryTimer.daemon());
  }

  /**
   * Starts a turn in the background: a new task, or the next turn of {@code message.taskId()}. The
   * turn waits on the agent pool's queue for a thread and a slot; that wait is its QUEUE_WAIT.
   *
   * @param message the validated message
   * @param normalized its normalized form, handed to the agent
   * @param push a push-notification config to attach, if any
   * @param stream a stream to subscribe before the turn starts, if any
   * @return the submitted task and the turn's completion
   * @throws TaskException if the task is unknown, busy or ended, the push URL is refused, or the
   *     agent queue is full
   * @since 0.1.0
   */
  public TaskRun send(
      Message message,
      NormalizedMessage normalized,
      @Nullable PushNotificationConfig push,
      @Nullable TaskEventStream stream) {
    Turn turn = begin(message, normalized, push, stream);
    long enqueued = time.nanoTime();
    try {
      // The request's span is current here: the agent's spans become its children.
      Future<?> work = executor.submit(Context.current().wrap(() -> runQueuedTurn(turn, enqueued)));
      turn.record().attachWork(work);
    } catch (RejectedExecutionException e) {
      throw refuse(turn, TaskException.queueFull(executor.getQueue().size()));
    }
    return turn.run();
  }

  /**
   * Runs a turn on the calling thread and returns once it has ended: what a blocking send needs,
   * without handing the turn to another thread and back. The turn shares the agent slots with
   * background turns, so the bound on turns running at once holds for both; the time spent waiting
   * for a slot is its QUEUE_WAIT. A cancel interrupts the turn, never the caller afterwards.
   *
   * @param message the validated message
   * @param normalized its normalized form, handed to the agent
   * @param push a push-notification config to attach, if any
   * @return the task as submitted and the turn's completion, already complete
   * @throws TaskException if the task is unknown, busy or ended, the push URL is refused, or every
   *     slot is busy and the line of waiting turns is full
   * @since 0.1.0
   */
  public TaskRun sendAndWait(
      Message message, NormalizedMessage normalized, @Nullable PushNotificationConfig push) {
    Turn turn = begin(message, normalized, push, null);
    long enqueued = time.nanoTime();
    try {
      slots.acquireOrRefuse();
    } catch (TaskException e) {
      throw refuse(turn, e);
    } catch (InterruptedException e) {
      stopped(turn.record(), queueWaitSince(enqueued));
      Thread.currentThread().interrupt();
      return turn.run();
    }
    try {
      FutureTask<Void> work = new FutureTask<>(() -> runTurn(turn, enqueued), null);
      turn.record().attachWork(work);
      work.run();
      if (work.isCancelled()) {
        // The cancel's interrupt was meant for the turn, which has ended.
        Thread.interrupted();
      }
    } finally {
      slots.release();
    }
    return turn.run();
  }

  private Turn begin(
      Message message,
      NormalizedMessage normalized,
      @Nullable PushNotificationConfig push,
      @Nullable TaskEventStream stream) {
    PushNotificationConfig checkedPush = push == null ? null : checked(push);
    CompletableFuture<RunResult> completion = new CompletableFuture<>();
    TaskRecord record;
    boolean created = message.taskId() == null;
    if (created) {
      String contextId = message.contextId() != null ? message.contextId() : newId();
      record = new TaskRecord(newId(), contextId, time.now(), maxHistory, store::reweigh);
      record.firstTurn(message.withIds(contextId, record.id()), time.now(), completion);
      if (checkedPush != null) {
        record.putPushConfig(checkedPush, maxPushConfigs);
      }
      store.put(record);
    } else {
      record = store.get(message.taskId());
      if (message.contextId() != null && !message.contextId().equals(record.contextId())) {
        throw new TaskException(
            TaskException.Reason.INVALID_PARAMS,
            "message.contextId does not match the contextId of task " + record.id());
      }
      record.startTurn(
          message.withIds(record.contextId(), record.id()),
          time.now(),
          completion,
          checkedPush,
          maxPushConfigs);
    }
    TaskRun run = new TaskRun(record.snapshot(), completion);
    if (stream != null) {
      subscribe(record, stream);
    }
    return new Turn(
        record, new AgentRequest(record.id(), record.contextId(), normalized), run, created);
  }

  /**
   * Fails a turn that never ran, forgets its task if the turn created it, and returns {@code e}.
   */
  private TaskException refuse(Turn turn, TaskException e) {
    turn.record()
        .fail(agentNote(turn.record(), "The server is busy; try again later."), time.now(), 0);
    if (turn.created()) {
      store.remove(turn.record().id());
    }
    return e;
  }

  /**
   * The task {@code id}.
   *
   * @param id the task id
   * @param historyLength how many of the newest messages to include, or {@code null} for all
   * @return the task snapshot
   * @throws TaskException if the task is unknown
   * @since 0.1.0
   */
  public Task get(String id, @Nullable Integer historyLength) {
    Task task = store.get(id).snapshot();
    return historyLength == null ? task : task.withHistoryLimit(historyLength);
  }

  /**
   * Cancels task {@code id}, interrupting its running turn.
   *
   * @param id the task id
   * @return the cancelled task
   * @throws TaskException if the task is unknown or already ended
   * @since 0.1.0
   */
  public Task cancel(String id) {
    TaskRecord record = store.get(id);
    Task canceled = record.cancel(time.now());
    notifyPush(record.pushConfigs(), canceled);
    return canceled;
  }

  /**
   * Streams the events of the running task {@code id}.
   *
   * @param id the task id
   * @return a stream starting with the current task snapshot
   * @throws TaskException if the task is unknown or has already ended
   * @since 0.1.0
   */
  public TaskEventStream resubscribe(String id) {
    TaskRecord record = store.get(id);
    TaskEventStream stream = new TaskEventStream();
    if (!subscribe(record, stream)) {
      throw new TaskException(
          TaskException.Reason.UNSUPPORTED,
          "task " + id + " has already ended; read it with tasks/get");
    }
    return stream;
  }

  /**
   * Opens an event stream to pass to {@link #send}.
   *
   * @return a new, unsubscribed stream
   * @since 0.1.0
   */
  public TaskEventStream newStream() {
    return new TaskEventStream();
  }

  /**
   * Attaches a push-notification config to a task; an absent config id gets a generated one.
   *
   * @param config the task and config
   * @return the stored config
   * @throws TaskException if the task is unknown or the URL is refused
   * @since 0.1.0
   */
  public TaskPushNotificationConfig setPushConfig(TaskPushNotificationConfig config) {
    PushNotificationConfig push = checked(config.pushNotificationConfig());
    TaskRecord record = store.get(config.taskId());
    return new TaskPushNotificationConfig(record.id(), record.putPushConfig(push, maxPushConfigs));
  }

  /** The config, its URL checked (its host resolved), with a generated id if it had none. */
  private PushNotificationConfig checked(PushNotificationConfig push) {
    pushPolicy.check(push.url());
    return push.id() == null ? push.withId(newId()) : push;
  }

  /**
   * One push-notification config of a task.
   *
   * @param taskId the task
   * @param configId the config id, or {@code null} for the task's first config
   * @return the config
   * @throws TaskException if the task or the config is unknown
   * @since 0.1.0
   */
  public TaskPushNotificationConfig getPushConfig(String taskId, @Nullable String configId) {
    TaskRecord record = store.get(taskId);
    return record.pushConfigs().stream()
        .filter(c -> configId == null || configId.equals(c.id()))
        .findFirst()
        .map(c -> new TaskPushNotificationConfig(taskId, c))
        .orElseThrow(
            () ->
                new TaskException(
                    TaskException.Reason.INVALID_PARAMS,
                    "task "
                        + taskId
                        + " has no push notification config"
                        + (configId == null ? "" : " with id " + configId)));
  }

  /**
   * The push-notification configs of a task.
   *
   * @param taskId the task
   * @return its configs, possibly empty
   * @throws TaskException if the task is unknown
   * @since 0.1.0
   */
  public List<TaskPushNotificationConfig> listPushConfigs(String taskId) {
    return store.get(taskId).pushConfigs().stream()
        .map(c -> new TaskPushNotificationConfig(taskId, c))
        .toList();
  }

  /**
   * Removes a push-notification config.
   *
   * @param taskId the task
   * @param configId the config
   * @throws TaskException if the task or the config is unknown
   * @since 0.1.0
   */
  public void deletePushConfig(String taskId, String configId) {
    if (!store.get(taskId).removePushConfig(configId)) {
      throw new TaskException(
          TaskException.Reason.INVALID_PARAMS,
          "task " + taskId + " has no push notification config with id " + configId);
    }
  }

  /**
   * Store sizes and eviction counts, for {@code /metrics/summary}.
   *
   * @return the statistics
   * @since 0.1.0
   */
  public StoreStats storeStats() {
    return new StoreStats(
        store.size(),
        store.bytes(),
        store.evictionCount(),
        executor.getQueue().size() + slots.waiting());
  }

  /**
   * Sizes and evictions of the task store.
   *
   * @param tasks tasks held
   * @param bytes the bytes they retain, estimated
   * @param taskEvictions tasks evicted for count, weight or age
   * @param queuedTurns turns waiting for an agent thread or slot
   * @since 0.1.0
   */
  public record StoreStats(long tasks, long bytes, long taskEvictions, long queuedTurns) {}

  /**
   * Stops taking turns, lets running turns finish within {@code grace}, then interrupts the rest;
   * push notifications in flight may finish within what is left of {@code grace}.
   *
   * @param grace how long running turns and their pushes may take
   * @since 0.1.0
   */
  public void shutdown(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    // The pushes of the last turns get what is left of the grace period.
    notifier.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  /**
   * Shuts down without waiting for running turns.
   *
   * @since 0.1.0
   */
  @Override
  public void close() {
    shutdown(Duration.ZERO);
  }

  private boolean subscribe(TaskRecord record, TaskEventStream stream) {
    stream.onClose(() -> record.unsubscribe(stream.subscriber()));
    return record.subscribe(stream.subscriber());
  }

  private void runQueuedTurn(Turn turn, long enqueuedNanos) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      stopped(turn.record(), queueWaitSince(enqueuedNanos));
      Thread.currentThread().interrupt();
      return;
    }
    try {
      runTurn(turn, enqueuedNanos);
    } finally {
      slots.release();
    }
  }

  private void runTurn(Turn turn, long enqueuedNanos) {
    TaskRecord record = turn.record();
    double queueWaitMs = queueWaitSince(enqueuedNanos);
    if (!record.markWorking(time.now())) {
      return;
    }
    try {
      AgentReply reply = processor.process(turn.request());
      Message answer = Message.agentText(reply.text(), newId(), record.contextId(), record.id());
      Artifact artifact = new Artifact(newId(), "answer", List.of(Part.text(reply.text())));
      if (record.complete(answer, artifact, time.now(), reply.timings(), queueWaitMs)) {
        pushEnd(record);
      }
    } catch (InterruptedException e) {
      // A cancel has already ended the task and pushed it; otherwise the server is stopping.
      stopped(record, queueWaitMs);
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // The exception message may quote user text, so only its type is logged.
      logger.warn("agent failed on task {}: {}", record.id(), e.getClass().getName());
      if (record.fail(agentNote(record, failureNote(e)), time.now(), queueWaitMs)) {
        pushEnd(record);
      }
    }
  }

  private double queueWaitSince(long enqueuedNanos) {
    return (time.nanoTime() - enqueuedNanos) / NANOS_PER_MS;
  }

  private void stopped(TaskRecord record, double queueWaitMs) {
    if (record.fail(
        agentNote(record, "The server stopped before answering."), time.now(), queueWaitMs)) {
      pushEnd(record);
    }
  }

  /** The user sees why an agent failed; any other exception stays an internal detail. */
  private static String failureNote(Exception e) {
    return e instanceof AgentFailedException
        ? "The agent failed: " + e.getMessage()
        : "The agent failed to answer; try again.";
  }

  /** Pushes the task that this service has just ended, once, to each of its configs. */
  private void pushEnd(TaskRecord record) {
    List<PushNotificationConfig> configs = record.pushConfigs();
    if (!configs.isEmpty()) {
      notifyPush(configs, record.snapshot());
    }
  }

  /** Never throws: {@link PushNotifier#send} logs what it cannot send. */
  private void notifyPush(List<PushNotificationConfig> configs, Task task) {
    for (PushNotificationConfig config : configs) {
      notifier.send(task, config);
    }
  }

  private static Message agentNote(TaskRecord record, String text) {
    return Message.agentText(text, newId(), record.contextId(), record.id());
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  /** A turn begun but not yet run: its task, the agent's input and what the caller gets back. */
  private record Turn(TaskRecord record, AgentRequest request, TaskRun run, boolean created) {}
}
