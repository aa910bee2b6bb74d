package io.agentmetrics.a2a.task;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.agent.AgentFailedException;
import io.agentmetrics.a2a.agent.AgentReply;
import io.agentmetrics.a2a.agent.AgentRequest;
import io.agentmetrics.a2a.agent.TaskProcessor;
import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.store.InMemoryTaskRepository;
import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.a2a.store.StoreStatistics;
import io.agentmetrics.a2a.store.StoredTask;
import io.agentmetrics.a2a.store.TaskFilter;
import io.agentmetrics.a2a.store.TaskRepository;
import io.agentmetrics.a2a.store.TaskSlice;
import io.agentmetrics.a2a.telex.NormalizedMessage;
import io.agentmetrics.agent.concurrent.DaemonThreadFactory;
import io.agentmetrics.api.TimeSource;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs A2A tasks: creates or continues a task per send, runs each turn either in the background on
 * a bounded agent executor or on the thread of a caller that waits for it, with at most {@code
 * agentThreads} turns running at once either way (the time a turn waits for a slot is its
 * QUEUE_WAIT). A turn that cannot start at once waits on the agent executor's line, which admits
 * only what it can start before {@code agentQueueTimeout} ({@link AgentQueue}); no caller's thread
 * ever waits in it. Cancels by interrupting the turn, and streams events to subscribers (at most
 * {@code maxStreams} open, {@code maxStreamsPerTask} per task). A task that a turn or a cancel ends
 * goes to the {@link PushNotifier}; its push configs are kept by {@link TaskPushConfigs}, which
 * {@link #pushConfigs()} returns.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class TaskService implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(TaskService.class);
  private static final double NANOS_PER_MS = 1_000_000.0;
  private static final String STOPPED = "The server stopped before answering.";

  private final TaskStore store;
  private final TaskProcessor processor;
  private final TimeSource time;
  private final ThreadPoolExecutor executor;
  private final AgentQueue queue;
  private final int maxStreams;
  private final int maxStreamsPerTask;
  private final AtomicInteger openStreams = new AtomicInteger();
  private final PushNotifier notifier;
  private final PushUrlChecker pushUrls;
  private final TaskPushConfigs pushConfigs;
  private final TaskRepository repository;
  private final @Nullable TaskLeases leases;

  /**
   * A service with the given bounds.
   *
   * @param settings store, executor and push bounds
   * @param processor the agent
   * @param mapper serializes push-notification bodies
   * @param time the clock for QUEUE_WAIT, timestamps and the in-memory store's expiry
   * @since 0.1.0
   */
  public TaskService(
      TaskSettings settings, TaskProcessor processor, ObjectMapper mapper, TimeSource time) {
    this(
        settings,
        processor,
        mapper,
        time,
        new InMemoryTaskRepository(
            new StoreLimits(settings.storeMaxSize(), settings.storeMaxBytes()),
            settings.ttl(),
            time::nanoTime),
        Map.of());
  }

  /**
   * A service keeping its tasks in {@code repository}, which may be shared with other replicas.
   *
   * @param settings executor and push bounds; the store bounds are the repository's
   * @param processor the agent
   * @param mapper serializes push-notification bodies
   * @param time the clock for QUEUE_WAIT and timestamps
   * @param repository where tasks are kept; closed with the service
   * @param pushPayloads push-notification payloads by the name stored with their configs, so that a
   *     replica sends a config registered on another in its format
   * @since 0.1.0
   */
  public TaskService(
      TaskSettings settings,
      TaskProcessor processor,
      ObjectMapper mapper,
      TimeSource time,
      TaskRepository repository,
      Map<String, PushPayload> pushPayloads) {
    requireNonNull(settings, "settings");
    this.processor = requireNonNull(processor, "processor");
    this.time = requireNonNull(time, "time");
    this.repository = requireNonNull(repository, "repository");
    TaskRepository retryable = new RetryableTaskRepository(repository);
    this.store = new TaskStore(retryable, new PushPayloads(pushPayloads), settings.maxHistory());
    this.leases =
        repository.lease().map(lease -> new TaskLeases(retryable, store, time, lease)).orElse(null);
    // The line is bounded by the AgentQueue\'s admission, not by the executor\'s queue.
    this.executor =
        new ThreadPoolExecutor(
            settings.agentThreads(),
            settings.agentThreads(),
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            new DaemonThreadFactory("a2a-agent"));
    this.queue =
        new AgentQueue(
            settings.agentThreads(),
            settings.callerTurns(),
            settings.agentQueueCapacity(),
            settings.agentQueueTimeout());
    this.maxStreams = settings.maxStreams();
    this.maxStreamsPerTask = settings.maxStreamsPerTask();
    PushSettings push = settings.push();
    PushAddressPolicy addresses = new PushAddressPolicy(push.allowPrivate(), HostResolver.system());
    PushUrlPolicy urls = new PushUrlPolicy(push.allowedHosts(), addresses);
    this.pushUrls = new PushUrlChecker(urls);
    this.pushConfigs = new TaskPushConfigs(store, pushUrls, push.maxConfigsPerTask());
    this.notifier = PushNotifier.start(mapper, urls, addresses, push, time);
  }

  /**
   * The push-notification configs of this service's tasks, kept in the same store.
   *
   * @return the configs
   * @since 0.1.0
   */
  public TaskPushConfigs pushConfigs() {
    return pushConfigs;
  }

  /**
   * Starts a turn in the background: a new task, or the next turn of {@code message.taskId()}. The
   * turn waits on the agent pool's line for a thread and a slot; that wait is its QUEUE_WAIT.
   *
   * @param message the validated message
   * @param normalized its normalized form, handed to the agent
   * @param push a push-notification config to attach, if any
   * @param stream a stream to subscribe before the turn starts, if any
   * @return the submitted task and the turn's completion
   * @throws TaskException if the task is unknown, busy or ended, the push URL is refused or the
   *     task holds as many push configs as it may, the task has no room for the stream, or the
   *     agent queue cannot take the turn ({@code OVERLOADED})
   * @since 0.1.0
   */
  public TaskRun send(
      Message message,
      NormalizedMessage normalized,
      @Nullable PushTarget push,
      @Nullable TaskEventStream stream) {
    Turn turn = beginInLine(message, normalized, push, stream);
    execute(turn);
    return turn.run();
  }

  /**
   * Starts a turn for a caller that waits for its end. When a slot is free at once (and fewer than
   * {@code callerTurns} turns already run on their callers' threads), the turn runs on the calling
   * thread, without a hand-off to another thread and back, and this returns once it has ended.
   * Otherwise the turn waits on the agent pool's line like a background turn, and this returns at
   * once: the caller's thread never waits in the line. The time spent waiting for a slot is the
   * turn's QUEUE_WAIT. When {@code abandoned} completes while the turn has not ended, the caller
   * has gone: the turn is cancelled, running or waiting. A cancel interrupts the turn, never the
   * caller afterwards.
   *
   * @param message the validated message
   * @param normalized its normalized form, handed to the agent
   * @param push a push-notification config to attach, if any
   * @param abandoned completes if the caller stops waiting
   * @return the task as submitted and the turn's completion, already complete if the turn ran on
   *     the calling thread
   * @throws TaskException if the task is unknown, busy or ended, the push URL is refused or the
   *     task holds as many push configs as it may, or the agent queue cannot take the turn ({@code
   *     OVERLOADED})
   * @since 0.1.0
   */
  public TaskRun sendBlocking(
      Message message,
      NormalizedMessage normalized,
      @Nullable PushTarget push,
      CompletionStage<?> abandoned) {
    if (!queue.tryCallerSlot()) {
      Turn turn = beginInLine(message, normalized, push, null);
      abandoned.thenRun(() -> abandon(turn));
      execute(turn);
      return turn.run();
    }
    try {
      Turn turn = begin(message, normalized, push, null, false);
      abandoned.thenRun(() -> abandon(turn));
      FutureTask<Void> work = new FutureTask<>(() -> runTurn(turn, time.nanoTime()), null);
      turn.record().attachWork(work);
      work.run();
      if (work.isCancelled()) {
        // The cancel's interrupt was meant for the turn, which has ended.
        Thread.interrupted();
      }
      return turn.run();
    } finally {
      queue.releaseCallerSlot();
    }
  }

  /**
   * Takes a place in the agent's line, then begins the turn; refuses at once, before the task is
   * created or changed, when the line cannot take it.
   */
  private Turn beginInLine(
      Message message,
      NormalizedMessage normalized,
      @Nullable PushTarget push,
      @Nullable TaskEventStream stream) {
    queue.admit();
    try {
      return begin(message, normalized, push, stream, true);
    } catch (RuntimeException e) {
      queue.leave();
      throw e;
    }
  }

  /** Hands a turn that holds a place in line to the agent pool. */
  private void execute(Turn turn) {
    long enqueued = time.nanoTime();
    // The request's span is current here: the agent's spans become its children.
    FutureTask<Void> work =
        new FutureTask<>(Context.current().wrap(() -> runQueuedTurn(turn, enqueued)), null) {
          @Override
          protected void done() {
            if (isCancelled()) {
              leaveLine(turn);
              executor.remove(this);
            }
          }
        };
    turn.record().attachWork(work);
    try {
      executor.execute(work);
    } catch (RejectedExecutionException stopping) {
      leaveLine(turn);
      stopped(turn.record(), 0);
      throw new TaskException(
          TaskException.Reason.OVERLOADED, "the server is stopping; retry in a few seconds");
    }
  }

  private void leaveLine(Turn turn) {
    if (turn.inLine().compareAndSet(true, false)) {
      queue.leave();
    }
  }

  /** Cancels the turn whose caller has gone, unless it has ended already. */
  private void abandon(Turn turn) {
    try {
      turn.record()
          .cancelTurn(turn.run().completion(), time.now())
          .ifPresent(canceled -> notifier.send(turn.record().pushTargets(), canceled));
    } catch (TaskException e) {
      logger.warn(
          "task {} not canceled after its caller left: {}", turn.record().id(), e.getMessage());
    }
  }

  /**
   * Creates the task or starts its next turn. Every check that can refuse the turn (the push URL,
   * the task's state, its room for another push config or stream) runs before the task is created
   * or changed, and nothing after that throws, so a refused turn leaves no trace.
   */
  private Turn begin(
      Message message,
      NormalizedMessage normalized,
      @Nullable PushTarget push,
      @Nullable TaskEventStream stream,
      boolean inLine) {
    String taskId = message.taskId();
    boolean created = taskId == null;
    // An unknown task is answered before the push URL's host is looked up.
    TaskRecord existing = taskId == null ? null : store.get(taskId);
    if (existing != null
        && message.contextId() != null
        && !message.contextId().equals(existing.contextId())) {
      throw new TaskException(
          TaskException.Reason.INVALID_PARAMS,
          "message.contextId does not match the contextId of task " + existing.id());
    }
    PushTarget checkedPush = push == null ? null : pushConfigs.checked(push);
    CompletableFuture<RunResult> completion = new CompletableFuture<>();
    TaskRecord record;
    if (existing == null) {
      String contextId = message.contextId() != null ? message.contextId() : newId();
      String id = newId();
      record = store.create(id, contextId, message.withIds(contextId, id), time.now(), checkedPush);
      record.firstTurn(completion);
    } else {
      record = existing;
      record.startTurn(
          message.withIds(record.contextId(), record.id()),
          time.now(),
          completion,
          checkedPush,
          pushConfigs.maxPerTask(),
          stream == null ? null : stream.subscriber(),
          maxStreamsPerTask);
    }
    TaskRun run = new TaskRun(record.snapshot(), completion);
    if (stream != null) {
      TaskRecord subscribed = record;
      stream.onClose(() -> subscribed.unsubscribe(stream.subscriber()));
      if (created) {
        // A new task has no subscriber yet, so there is room for this one.
        subscribed.subscribe(stream.subscriber(), maxStreamsPerTask);
      }
    }
    return new Turn(
        record,
        new AgentRequest(record.id(), record.contextId(), normalized, message.messageId()),
        run,
        new AtomicBoolean(inLine));
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
   * A page of the tasks that match {@code query}, newest status change first (ties by task id),
   * each with at most {@code historyLength} history entries.
   *
   * @param query the filters and the page
   * @param historyLength how many of the newest messages to include per task, or {@code null} for
   *     all
   * @return the page
   * @throws TaskException if the page token was not issued by this server
   * @since 0.1.0
   */
  public TaskPage list(TaskQuery query, @Nullable Integer historyLength) {
    TaskCursor after = query.pageToken() == null ? null : TaskCursor.parse(query.pageToken());
    TaskSlice slice =
        store.list(
            new TaskFilter(
                query.contextId(),
                query.state(),
                query.updatedAfter(),
                after == null ? null : new TaskFilter.Position(after.updated(), after.id()),
                query.pageSize()));
    List<Task> page = new ArrayList<>(slice.tasks().size());
    for (StoredTask stored : slice.tasks()) {
      Task task = stored.task();
      page.add(historyLength == null ? task : task.withHistoryLimit(historyLength));
    }
    StoredTask last = slice.tasks().isEmpty() ? null : slice.tasks().get(slice.tasks().size() - 1);
    String next =
        slice.more() && last != null ? new TaskCursor(last.updated(), last.id()).token() : "";
    return new TaskPage(page, next, (int) Math.min(Integer.MAX_VALUE, slice.total()));
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
    notifier.send(record.pushTargets(), canceled);
    return canceled;
  }

  /**
   * Streams the events of the running task {@code id}.
   *
   * @param id the task id
   * @return a stream starting with the current task snapshot; close it when done
   * @throws TaskException if the task is unknown or has already ended, or if the server or the task
   *     has no room for another stream ({@code OVERLOADED})
   * @since 0.1.0
   */
  public TaskEventStream resubscribe(String id) {
    TaskRecord record = store.get(id);
    TaskEventStream stream = newStream();
    try {
      stream.onClose(() -> record.unsubscribe(stream.subscriber()));
      if (!record.subscribe(stream.subscriber(), maxStreamsPerTask)) {
        throw new TaskException(
            TaskException.Reason.UNSUPPORTED,
            "task " + id + " has already ended; read it with tasks/get");
      }
    } catch (TaskException e) {
      stream.close();
      throw e;
    }
    return stream;
  }

  /**
   * Opens an event stream to pass to {@link #send}; it counts against the cap on open streams until
   * it is closed.
   *
   * @return a new, unsubscribed stream
   * @throws TaskException with reason {@code OVERLOADED} if {@code maxStreams} streams are open
   * @since 0.1.0
   */
  public TaskEventStream newStream() {
    if (openStreams.incrementAndGet() > maxStreams) {
      openStreams.decrementAndGet();
      throw TaskException.tooManyStreams(maxStreams);
    }
    return new TaskEventStream(openStreams::decrementAndGet);
  }

  /**
   * Store sizes and eviction counts, for {@code /metrics/summary}.
   *
   * @return the statistics
   * @since 0.1.0
   */
  public StoreStats storeStats() {
    StoreStatistics statistics = store.statistics();
    return new StoreStats(
        statistics.entries(), statistics.bytes(), statistics.evictions(), queue.waiting());
  }

  /**
   * Sizes and evictions of the task store.
   *
   * @param tasks tasks held
   * @param bytes the bytes they retain, estimated
   * @param taskEvictions tasks evicted for count, weight or age
   * @param queuedTurns turns waiting in line for an agent slot
   * @since 0.1.0
   */
  public record StoreStats(long tasks, long bytes, long taskEvictions, long queuedTurns) {}

  /**
   * Begins the shutdown: takes no more turns into the agent's line, and ends at once every turn an
   * open event stream follows, failed with "The server stopped before answering.", so that each of
   * its streams writes that final status and closes instead of holding the server's stop for the
   * grace period. Turns no stream follows go on; {@link #shutdown} gives them the grace period.
   *
   * @since 0.1.0
   */
  public void stopStreamedTurns() {
    executor.shutdown();
    for (TaskRecord record : store.held()) {
      try {
        if (record.followed() && record.stop(agentNote(record, STOPPED), time.now())) {
          notifier.sendEnd(record);
        }
      } catch (TaskException e) {
        // The store is down: the turn goes on, and shutdown() ends it within the grace period.
        logger.warn("task {} not stopped with its stream: {}", record.id(), e.getMessage());
      }
    }
  }

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
    pushUrls.close();
    if (leases != null) {
      leases.close();
    }
    repository.close();
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

  private void runQueuedTurn(Turn turn, long enqueuedNanos) {
    TaskRecord record = turn.record();
    try {
      queue.acquire();
    } catch (InterruptedException e) {
      leaveLine(turn);
      double queueWaitMs = queueWaitSince(enqueuedNanos);
      storing(record, queueWaitMs, () -> stopped(record, queueWaitMs));
      Thread.currentThread().interrupt();
      return;
    }
    leaveLine(turn);
    try {
      if (queue.missedDeadline(time.nanoTime() - enqueuedNanos)) {
        double queueWaitMs = queueWaitSince(enqueuedNanos);
        storing(record, queueWaitMs, () -> lateForTheAgent(record, queueWaitMs));
      } else {
        runTurn(turn, enqueuedNanos);
      }
    } finally {
      queue.release();
    }
  }

  /** Fails a turn that waited past the deadline: its caller was told to expect no longer wait. */
  private void lateForTheAgent(TaskRecord record, double queueWaitMs) {
    Message note =
        agentNote(
            record,
            "The server was too busy to start this turn within A2A_AGENT_QUEUE_TIMEOUT_MS; send"
                + " it again.");
    if (record.fail(note, time.now(), queueWaitMs)) {
      notifier.sendEnd(record);
    }
  }

  private void runTurn(Turn turn, long enqueuedNanos) {
    double queueWaitMs = queueWaitSince(enqueuedNanos);
    storing(
        turn.record(),
        queueWaitMs,
        () -> runStoredTurn(turn.record(), turn.request(), queueWaitMs));
  }

  /**
   * Runs {@code turn}, which stores the turn's start and end. If the store fails, the turn still
   * ends for its caller and subscribers, as failed, and that end is stored once the store is back.
   */
  private void storing(TaskRecord record, double queueWaitMs, Runnable turn) {
    try {
      turn.run();
    } catch (TaskException e) {
      logger.warn("task {} ended here only, stored later: {}", record.id(), e.getMessage());
      record.abandon(
          agentNote(record, "The task store failed; try again."), time.now(), queueWaitMs);
      if (leases != null) {
        leases.storeLater(record);
      }
    }
  }

  private void runStoredTurn(TaskRecord record, AgentRequest request, double queueWaitMs) {
    if (!record.markWorking(time.now())) {
      return;
    }
    long started = time.nanoTime();
    try {
      AgentReply reply = processor.process(request);
      Message answer = Message.agentText(reply.text(), newId(), record.contextId(), record.id());
      if (record.complete(
          answer,
          reply.artifacts(),
          reply.state(),
          time.now(),
          reply.timings(),
          queueWaitMs,
          reply.asMessage())) {
        notifier.sendEnd(record);
      }
    } catch (InterruptedException e) {
      // A cancel has already ended the task and pushed it; otherwise the server is stopping.
      stopped(record, queueWaitMs);
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // The exception message may quote user text, so only its type is logged.
      logger.warn("agent failed on task {}: {}", record.id(), e.getClass().getName());
      if (record.fail(agentNote(record, failureNote(e)), time.now(), queueWaitMs)) {
        notifier.sendEnd(record);
      }
    } finally {
      queue.turnTook(time.nanoTime() - started);
    }
  }

  private double queueWaitSince(long enqueuedNanos) {
    return (time.nanoTime() - enqueuedNanos) / NANOS_PER_MS;
  }

  private void stopped(TaskRecord record, double queueWaitMs) {
    if (record.fail(agentNote(record, STOPPED), time.now(), queueWaitMs)) {
      notifier.sendEnd(record);
    }
  }

  /** The user sees why an agent failed; any other exception stays an internal detail. */
  private static String failureNote(Exception e) {
    return e instanceof AgentFailedException
        ? "The agent failed: " + e.getMessage()
        : "The agent failed to answer; try again.";
  }

  private static Message agentNote(TaskRecord record, String text) {
    return Message.agentText(text, newId(), record.contextId(), record.id());
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  /**
   * A turn begun but not yet run: its task, the agent's input, what the caller gets back, and
   * whether it still counts as waiting in the agent's line.
   */
  private record Turn(TaskRecord record, AgentRequest request, TaskRun run, AtomicBoolean inLine) {}
}
