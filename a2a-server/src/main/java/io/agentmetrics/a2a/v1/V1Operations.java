package io.agentmetrics.a2a.v1;

import static java.util.Objects.requireNonNull;

import com.google.lf.a2a.v1.AgentCard;
import com.google.lf.a2a.v1.CancelTaskRequest;
import com.google.lf.a2a.v1.DeleteTaskPushNotificationConfigRequest;
import com.google.lf.a2a.v1.GetTaskPushNotificationConfigRequest;
import com.google.lf.a2a.v1.GetTaskRequest;
import com.google.lf.a2a.v1.ListTaskPushNotificationConfigsRequest;
import com.google.lf.a2a.v1.ListTaskPushNotificationConfigsResponse;
import com.google.lf.a2a.v1.ListTasksRequest;
import com.google.lf.a2a.v1.ListTasksResponse;
import com.google.lf.a2a.v1.SendMessageRequest;
import com.google.lf.a2a.v1.SendMessageResponse;
import com.google.lf.a2a.v1.StreamResponse;
import com.google.lf.a2a.v1.SubscribeToTaskRequest;
import com.google.lf.a2a.v1.Task;
import com.google.lf.a2a.v1.TaskPushNotificationConfig;
import io.agentmetrics.a2a.dto.MessageSendParams;
import io.agentmetrics.a2a.dto.TaskIdParams;
import io.agentmetrics.a2a.dto.TaskPushNotificationConfigQuery;
import io.agentmetrics.a2a.dto.TaskQueryParams;
import io.agentmetrics.a2a.jsonrpc.InFlightBudget;
import io.agentmetrics.a2a.jsonrpc.MessageSender;
import io.agentmetrics.a2a.jsonrpc.RequestClock;
import io.agentmetrics.a2a.task.PushPayload;
import io.agentmetrics.a2a.task.TaskEventStream;
import io.agentmetrics.a2a.task.TaskPage;
import io.agentmetrics.a2a.task.TaskPushConfigs;
import io.agentmetrics.a2a.task.TaskQuery;
import io.agentmetrics.a2a.task.TaskService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The A2A 1.0 operations (specification section 3.1), independent of the binding: each takes the
 * proto request and returns the proto response, over the same task service and the same send path
 * ({@link MessageSender}) as A2A 0.3. Ids pass through the task model's records, so they meet the
 * same checks as in 0.3 (at most 256 characters); a task read back is first reserved in the
 * request's share of the in-flight budget, by what its ProtoJSON rendering holds ({@link
 * WireWeight#rendering}). Refusals are {@link A2aException}s, or the task layer's exceptions that
 * {@link Errors} translates.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class V1Operations {

  /** ListTasks page size when the request names none. */
  public static final int DEFAULT_PAGE_SIZE = 50;

  /** The largest ListTasks page. */
  public static final int MAX_PAGE_SIZE = 100;

  private final TaskService tasks;
  private final TaskPushConfigs pushConfigs;
  private final MessageSender sender;
  private final WireMapping wire;
  private final boolean pushNotifications;

  /** 1.0 push notifications post a {@code StreamResponse} holding the task (section 4.3.3). */
  static final PushPayload PUSH_PAYLOAD =
      task ->
          ProtoJson.write(StreamResponse.newBuilder().setTask(new WireMapping().task(task)))
              .getBytes(StandardCharsets.UTF_8);

  private final PushPayload payload = PUSH_PAYLOAD;

  V1Operations(
      TaskService tasks,
      TaskPushConfigs pushConfigs,
      MessageSender sender,
      WireMapping wire,
      boolean pushNotifications) {
    this.tasks = requireNonNull(tasks, "tasks");
    this.pushConfigs = requireNonNull(pushConfigs, "pushConfigs");
    this.sender = requireNonNull(sender, "sender");
    this.wire = requireNonNull(wire, "wire");
    this.pushNotifications = pushNotifications;
  }

  /**
   * Sends the message; the response is complete at once unless a blocking send waits in the agent's
   * line.
   */
  CompletableFuture<SendMessageResponse> send(SendMessageRequest request, RequestClock clock) {
    MessageSendParams params = params(request);
    return sender.send(params, payload, clock).thenApply(sent -> response(sent, params));
  }

  private SendMessageResponse response(MessageSender.Sent sent, MessageSendParams params) {
    io.agentmetrics.a2a.dto.Task task = withHistory(sent.task(), params);
    if (sent.asMessage() && task.status().message() != null) {
      return SendMessageResponse.newBuilder()
          .setMessage(wire.message(task.status().message()))
          .build();
    }
    return SendMessageResponse.newBuilder().setTask(wire.task(task)).build();
  }

  TaskEventStream stream(SendMessageRequest request, RequestClock clock) {
    return sender.stream(params(request), payload, clock);
  }

  Task get(GetTaskRequest request, InFlightBudget.Lease lease) {
    TaskQueryParams query =
        new TaskQueryParams(
            request.getId(), request.hasHistoryLength() ? request.getHistoryLength() : null, null);
    io.agentmetrics.a2a.dto.Task task = tasks.get(query.id(), query.historyLength());
    WireWeight.reserve(lease, WireWeight.rendering(task));
    return wire.task(task);
  }

  ListTasksResponse list(ListTasksRequest request, InFlightBudget.Lease lease) {
    int pageSize = request.hasPageSize() ? request.getPageSize() : DEFAULT_PAGE_SIZE;
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw invalid("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
    }
    Instant after =
        request.hasStatusTimestampAfter()
            ? Instant.ofEpochSecond(
                request.getStatusTimestampAfter().getSeconds(),
                request.getStatusTimestampAfter().getNanos())
            : null;
    TaskPage page =
        tasks.list(
            new TaskQuery(
                request.getContextId().isEmpty() ? null : request.getContextId(),
                wire.state(request.getStatus()),
                after,
                pageSize,
                request.getPageToken().isEmpty() ? null : request.getPageToken()),
            historyLength(request.hasHistoryLength(), request.getHistoryLength()));
    boolean artifacts = request.hasIncludeArtifacts() && request.getIncludeArtifacts();
    WireWeight.reserve(lease, page.tasks().stream().mapToLong(WireWeight::rendering).sum());
    ListTasksResponse.Builder response =
        ListTasksResponse.newBuilder()
            .setNextPageToken(page.nextPageToken())
            .setPageSize(pageSize)
            .setTotalSize(page.totalSize());
    for (io.agentmetrics.a2a.dto.Task task : page.tasks()) {
      Task shown = wire.task(task);
      response.addTasks(artifacts ? shown : shown.toBuilder().clearArtifacts().build());
    }
    return response.build();
  }

  Task cancel(CancelTaskRequest request) {
    return wire.task(tasks.cancel(new TaskIdParams(request.getId(), null).id()));
  }

  TaskEventStream subscribe(SubscribeToTaskRequest request) {
    return tasks.resubscribe(new TaskIdParams(request.getId(), null).id());
  }

  TaskPushNotificationConfig createPushConfig(TaskPushNotificationConfig request) {
    requirePush();
    if (request.getTaskId().isEmpty()) {
      throw invalid("taskId is required");
    }
    io.agentmetrics.a2a.dto.TaskPushNotificationConfig stored =
        pushConfigs.set(
            new io.agentmetrics.a2a.dto.TaskPushNotificationConfig(
                request.getTaskId(), wire.pushConfig(request)),
            payload);
    return wire.pushConfig(stored.taskId(), stored.pushNotificationConfig());
  }

  TaskPushNotificationConfig getPushConfig(GetTaskPushNotificationConfigRequest request) {
    requirePush();
    TaskPushNotificationConfigQuery query =
        new TaskPushNotificationConfigQuery(request.getTaskId(), request.getId(), null);
    return pushConfigs.list(query.id()).stream()
        .filter(c -> request.getId().equals(c.pushNotificationConfig().id()))
        .findFirst()
        .map(c -> wire.pushConfig(c.taskId(), c.pushNotificationConfig()))
        .orElseThrow(
            () ->
                new A2aException(
                    A2aError.TASK_NOT_FOUND,
                    "task "
                        + request.getTaskId()
                        + " has no push notification config with id "
                        + request.getId(),
                    Map.of("taskId", request.getTaskId(), "configId", request.getId())));
  }

  ListTaskPushNotificationConfigsResponse listPushConfigs(
      ListTaskPushNotificationConfigsRequest request) {
    requirePush();
    ListTaskPushNotificationConfigsResponse.Builder response =
        ListTaskPushNotificationConfigsResponse.newBuilder();
    for (io.agentmetrics.a2a.dto.TaskPushNotificationConfig config :
        pushConfigs.list(new TaskIdParams(request.getTaskId(), null).id())) {
      response.addConfigs(wire.pushConfig(config.taskId(), config.pushNotificationConfig()));
    }
    return response.build();
  }

  /** Idempotent (section 3.1.10): deleting a config that is already gone succeeds. */
  void deletePushConfig(DeleteTaskPushNotificationConfigRequest request) {
    requirePush();
    TaskPushNotificationConfigQuery query =
        new TaskPushNotificationConfigQuery(request.getTaskId(), request.getId(), null);
    boolean present =
        pushConfigs.list(query.id()).stream()
            .anyMatch(c -> request.getId().equals(c.pushNotificationConfig().id()));
    if (present) {
      pushConfigs.delete(query.id(), request.getId());
    }
  }

  // GetExtendedAgentCard is an operation of the protocol, called like the others; this agent has
  // no extended card, so its answer is always the protocol's error.
  @SuppressWarnings("DoNotCallSuggester")
  AgentCard extendedCard() {
    throw new A2aException(
        A2aError.UNSUPPORTED_OPERATION,
        "this agent has no extended agent card (capabilities.extendedAgentCard is false)");
  }

  private MessageSendParams params(SendMessageRequest request) {
    MessageSendParams params = wire.sendParams(request);
    String taskId = params.message().taskId();
    if (taskId != null && tasks.get(taskId, 0).status().state().isTerminal()) {
      // A2A 1.0 (section 3.1.1) closes ended tasks to new messages; 0.3 let a completed task go on.
      throw new A2aException(
          A2aError.UNSUPPORTED_OPERATION,
          "task "
              + taskId
              + " has ended and accepts no more messages; send without taskId (same contextId)"
              + " to start a new task",
          Map.of("taskId", taskId));
    }
    return params;
  }

  private static io.agentmetrics.a2a.dto.Task withHistory(
      io.agentmetrics.a2a.dto.Task task, MessageSendParams params) {
    Integer length = params.configuration() == null ? null : params.configuration().historyLength();
    return length == null ? task : task.withHistoryLimit(length);
  }

  private static @Nullable Integer historyLength(boolean present, int value) {
    if (!present) {
      return null;
    }
    if (value < 0) {
      throw invalid("historyLength must not be negative, got " + value);
    }
    return value;
  }

  private void requirePush() {
    if (!pushNotifications) {
      throw new A2aException(
          A2aError.PUSH_NOTIFICATION_NOT_SUPPORTED,
          "push notifications are not supported by this server (A2A_PUSH_NOTIFICATIONS=false)");
    }
  }

  private static A2aException invalid(String why) {
    return new A2aException(A2aError.INVALID_PARAMS, "Invalid params: " + why);
  }
}
