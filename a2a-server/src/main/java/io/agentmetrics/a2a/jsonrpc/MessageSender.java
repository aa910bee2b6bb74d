package io.agentmetrics.a2a.jsonrpc;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.dto.MessageSendConfiguration;
import io.agentmetrics.a2a.dto.MessageSendParams;
import io.agentmetrics.a2a.dto.PushNotificationConfig;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.task.PushPayload;
import io.agentmetrics.a2a.task.PushTarget;
import io.agentmetrics.a2a.task.RunResult;
import io.agentmetrics.a2a.task.TaskEventStream;
import io.agentmetrics.a2a.task.TaskRun;
import io.agentmetrics.a2a.task.TaskService;
import io.agentmetrics.a2a.telex.NormalizedMessage;
import io.agentmetrics.a2a.telex.TelexNormalizer;
import io.agentmetrics.a2a.trace.AgentRunLatency;
import io.agentmetrics.a2a.trace.RequestObserver;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The send path every protocol version shares: validates and normalizes the message (the {@code
 * message_normalization} stage), hands it to the task service, waits for the agent (the {@code
 * agent_processing} stage) unless the client asked not to, and reports the agent's timings to the
 * observer. The A2A 0.3 methods {@code message/send} and {@code message/stream} and the 1.0
 * operations {@code SendMessage} and {@code SendStreamingMessage} all go through it, so limits,
 * push-notification rules, tracing and metrics are the same for each.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class MessageSender {

  private final MessageLimits limits;
  private final TelexNormalizer normalizer;
  private final TaskService tasks;
  private final boolean pushNotifications;
  private final RequestObserver observer;

  /**
   * A sender.
   *
   * @param maxParts the most parts per message
   * @param maxTextLength the longest text part
   * @param normalizer the Telex normalizer
   * @param tasks the task service
   * @param pushNotifications whether push notifications are offered ({@code -32003} otherwise)
   * @param observer receives agent-run timings
   * @since 0.1.0
   */
  public MessageSender(
      int maxParts,
      int maxTextLength,
      TelexNormalizer normalizer,
      TaskService tasks,
      boolean pushNotifications,
      RequestObserver observer) {
    this.limits = new MessageLimits(maxParts, maxTextLength);
    this.normalizer = requireNonNull(normalizer, "normalizer");
    this.tasks = requireNonNull(tasks, "tasks");
    this.pushNotifications = pushNotifications;
    this.observer = requireNonNull(observer, "observer");
  }

  /**
   * Sends a message. A non-blocking send is answered at once; a blocking one once its turn has
   * ended, which is also at once when the turn ran on the calling thread. A blocking send whose
   * client goes away ({@link RequestClock#watchClient}) cancels its turn.
   *
   * @param send the validated params
   * @param clock the request's stage clock
   * @return the task (finished, or as submitted), not yet trimmed to {@code historyLength}; the
   *     future is done unless the turn waits in the agent's line
   * @throws JsonRpcException if the message breaks a limit or push notifications are off
   * @throws io.agentmetrics.a2a.task.TaskException if the task service refuses the turn (with
   *     reason {@code OVERLOADED} when the agent's queue cannot start it in time)
   * @since 0.1.0
   */
  public CompletableFuture<Sent> send(MessageSendParams send, RequestClock clock) {
    return send(send, null, clock);
  }

  /**
   * Sends a message whose push notifications (if it registers any) carry {@code payload}.
   *
   * @param send the validated params
   * @param payload the push body's format, or {@code null} for the A2A 0.3 task
   * @param clock the request's stage clock
   * @return the task (finished, or as submitted), not yet trimmed to {@code historyLength}; the
   *     future is done unless the turn waits in the agent's line
   * @since 0.1.0
   */
  public CompletableFuture<Sent> send(
      MessageSendParams send, @Nullable PushPayload payload, RequestClock clock) {
    long started = clock.now();
    NormalizedMessage normalized = normalize(send);
    clock.addNormalization(started);

    long submitted = clock.now();
    // A blocking send runs the turn on this thread when the agent has a slot free: a hand-off to
    // the agent pool and back would cost two context switches per request and buy nothing while
    // this thread waits anyway. Otherwise the answer comes when the pool has run the turn.
    TaskRun run =
        send.blocking()
            ? tasks.sendBlocking(
                send.message(), normalized, push(send, payload), clock.clientGone())
            : tasks.send(send.message(), normalized, push(send, payload), null);
    clock.taskId(run.submitted().id());
    CompletableFuture<RunResult> observed = observeAgent(run, clock, submitted);
    if (!send.blocking()) {
      clock.addAgent(submitted);
      return CompletableFuture.completedFuture(new Sent(run.submitted(), false));
    }
    return observed.thenApply(
        result -> {
          clock.addAgent(submitted);
          return new Sent(result.task(), result.asMessage());
        });
  }

  /**
   * Sends a message and streams the task's events.
   *
   * @param send the validated params
   * @param clock the request's stage clock
   * @return the events, starting with the submitted task
   * @throws JsonRpcException if the message breaks a limit or push notifications are off
   * @throws io.agentmetrics.a2a.task.TaskException if the task service refuses the turn
   * @since 0.1.0
   */
  public TaskEventStream stream(MessageSendParams send, RequestClock clock) {
    return stream(send, null, clock);
  }

  /**
   * Sends a message and streams the task's events; its push notifications carry {@code payload}.
   *
   * @param send the validated params
   * @param payload the push body's format, or {@code null} for the A2A 0.3 task
   * @param clock the request's stage clock
   * @return the events, starting with the submitted task
   * @since 0.1.0
   */
  public TaskEventStream stream(
      MessageSendParams send, @Nullable PushPayload payload, RequestClock clock) {
    long started = clock.now();
    NormalizedMessage normalized = normalize(send);
    clock.addNormalization(started);

    TaskEventStream events = tasks.newStream();
    long submitted = clock.now();
    TaskRun run;
    try {
      run = tasks.send(send.message(), normalized, push(send, payload), events);
    } catch (RuntimeException e) {
      events.close();
      throw e;
    }
    clock.taskId(run.submitted().id());
    // A stream's events come from the task itself; only the timings are observed here.
    CompletableFuture<RunResult> unused = observeAgent(run, clock, submitted);
    return events;
  }

  private NormalizedMessage normalize(MessageSendParams send) {
    limits.check(send.message());
    return normalizer
        .normalize(send.message())
        .orElseThrow(
            () ->
                ParamsReader.invalid(
                    "params.message.parts must contain a non-empty text part (kind 'text') or a"
                        + " file"));
  }

  private @Nullable PushTarget push(MessageSendParams send, @Nullable PushPayload payload) {
    MessageSendConfiguration configuration = send.configuration();
    PushNotificationConfig push =
        configuration == null ? null : configuration.pushNotificationConfig();
    if (push == null) {
      return null;
    }
    if (!pushNotifications) {
      throw PushConfigMethods.notSupported();
    }
    return new PushTarget(push, payload);
  }

  /**
   * The turn's result, completed only after the agent timings were reported, with the task's total
   * from {@code submitted} to the moment the turn's end is seen.
   */
  private CompletableFuture<RunResult> observeAgent(
      TaskRun run, RequestClock clock, long submitted) {
    boolean sampled = clock.sampled();
    return run.completion()
        .thenApply(
            result -> {
              double taskTotalMs = clock.millisSince(submitted);
              result
                  .agentStages()
                  .ifPresent(
                      stages ->
                          observer.onAgentRun(
                              new AgentRunLatency(
                                  result.task().id(),
                                  result.task().contextId(),
                                  stages,
                                  result.queueWaitMs(),
                                  taskTotalMs,
                                  sampled)));
              return result;
            });
  }

  /**
   * What a send returned.
   *
   * @param task the task, finished for a blocking send, as submitted otherwise
   * @param asMessage whether the agent answered with a direct message (the task's status message)
   * @since 0.1.0
   */
  public record Sent(Task task, boolean asMessage) {

    /** Checks the task. */
    public Sent {
      requireNonNull(task, "task");
    }
  }
}
