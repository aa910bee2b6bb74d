package io.agentmetrics.a2a.jsonrpc;

import io.agentmetrics.a2a.dto.MessageSendConfiguration;
import io.agentmetrics.a2a.dto.MessageSendParams;
import io.agentmetrics.a2a.dto.PushNotificationConfig;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.task.RunResult;
import io.agentmetrics.a2a.task.TaskEventStream;
import io.agentmetrics.a2a.task.TaskRun;
import io.agentmetrics.a2a.task.TaskService;
import io.agentmetrics.a2a.telex.NormalizedMessage;
import io.agentmetrics.a2a.telex.TelexNormalizer;
import io.agentmetrics.a2a.trace.AgentRunLatency;
import io.agentmetrics.a2a.trace.RequestObserver;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@code message/send} and {@code message/stream}: validate and normalize the message (the {@code
 * message_normalization} stage), hand it to the task service, and wait for the agent (the {@code
 * agent_processing} stage) unless the client asked for {@code blocking: false}.
 *
 * <p>Thread-safe.
 */
final class MessageMethods {

  private final ParamsReader reader;
  private final MessageLimits limits;
  private final TelexNormalizer normalizer;
  private final TaskService tasks;
  private final boolean pushNotifications;
  private final RequestObserver observer;

  MessageMethods(
      ParamsReader reader,
      MessageLimits limits,
      TelexNormalizer normalizer,
      TaskService tasks,
      boolean pushNotifications,
      RequestObserver observer) {
    this.reader = reader;
    this.limits = limits;
    this.normalizer = normalizer;
    this.tasks = tasks;
    this.pushNotifications = pushNotifications;
    this.observer = observer;
  }

  void register(Map<String, MethodHandler> handlers) {
    handlers.put("message/send", this::send);
    handlers.put("message/stream", this::stream);
  }

  private MethodOutcome send(Params params, RequestClock clock) {
    long started = clock.now();
    MessageSendParams send = reader.read(params, MessageSendParams.class);
    NormalizedMessage normalized = normalize(send);
    clock.addNormalization(started);

    long submitted = clock.now();
    // A blocking send runs the turn on this thread when the agent has a slot free: a hand-off to
    // the agent pool and back would cost two context switches per request and buy nothing while
    // this thread waits anyway. Otherwise the answer comes when the pool has run the turn.
    TaskRun run =
        send.blocking()
            ? tasks.sendBlocking(send.message(), normalized, push(send), clock.clientGone())
            : tasks.send(send.message(), normalized, push(send), null);
    clock.taskId(run.submitted().id());
    CompletableFuture<RunResult> observed = observeAgent(run, clock, submitted);
    Integer historyLength =
        send.configuration() == null ? null : send.configuration().historyLength();
    if (!send.blocking()) {
      clock.addAgent(submitted);
      return new MethodOutcome.Result(limited(run.submitted(), historyLength));
    }
    if (observed.isDone()) {
      clock.addAgent(submitted);
      return new MethodOutcome.Result(limited(observed.join().task(), historyLength));
    }
    return new MethodOutcome.Pending(
        observed.<Object>thenApply(
            result -> {
              clock.addAgent(submitted);
              return limited(result.task(), historyLength);
            }));
  }

  private static Task limited(Task task, @Nullable Integer historyLength) {
    return historyLength == null ? task : task.withHistoryLimit(historyLength);
  }

  private MethodOutcome stream(Params params, RequestClock clock) {
    long started = clock.now();
    MessageSendParams send = reader.read(params, MessageSendParams.class);
    NormalizedMessage normalized = normalize(send);
    clock.addNormalization(started);

    TaskEventStream events = tasks.newStream();
    long submitted = clock.now();
    TaskRun run;
    try {
      run = tasks.send(send.message(), normalized, push(send), events);
    } catch (RuntimeException e) {
      events.close();
      throw e;
    }
    clock.taskId(run.submitted().id());
    observeAgent(run, clock, submitted);
    return new MethodOutcome.Stream(events);
  }

  private NormalizedMessage normalize(MessageSendParams send) {
    limits.check(send.message());
    return normalizer
        .normalize(send.message())
        .orElseThrow(
            () ->
                ParamsReader.invalid(
                    "params.message.parts must contain a non-empty text part (kind 'text')"));
  }

  private @Nullable PushNotificationConfig push(MessageSendParams send) {
    MessageSendConfiguration configuration = send.configuration();
    PushNotificationConfig push =
        configuration == null ? null : configuration.pushNotificationConfig();
    if (push != null && !pushNotifications) {
      throw PushConfigMethods.notSupported();
    }
    return push;
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
}
