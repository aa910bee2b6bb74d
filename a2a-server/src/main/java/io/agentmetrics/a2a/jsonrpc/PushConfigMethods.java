package io.agentmetrics.a2a.jsonrpc;

import com.fasterxml.jackson.databind.node.NullNode;
import io.agentmetrics.a2a.dto.TaskIdParams;
import io.agentmetrics.a2a.dto.TaskPushNotificationConfig;
import io.agentmetrics.a2a.dto.TaskPushNotificationConfigQuery;
import io.agentmetrics.a2a.task.TaskPushConfigs;
import java.util.Map;

/**
 * {@code tasks/pushNotificationConfig/set}, {@code get}, {@code list} and {@code delete}.
 *
 * <p>Thread-safe.
 */
final class PushConfigMethods {

  private final ParamsReader reader;
  private final TaskPushConfigs configs;
  private final boolean enabled;

  PushConfigMethods(ParamsReader reader, TaskPushConfigs configs, boolean enabled) {
    this.reader = reader;
    this.configs = configs;
    this.enabled = enabled;
  }

  void register(Map<String, MethodHandler> handlers) {
    handlers.put("tasks/pushNotificationConfig/set", whenEnabled(this::set));
    handlers.put("tasks/pushNotificationConfig/get", whenEnabled(this::get));
    handlers.put("tasks/pushNotificationConfig/list", whenEnabled(this::list));
    handlers.put("tasks/pushNotificationConfig/delete", whenEnabled(this::delete));
  }

  private MethodHandler whenEnabled(MethodHandler handler) {
    return enabled
        ? handler
        : (params, clock) -> {
          throw notSupported();
        };
  }

  static JsonRpcException notSupported() {
    return new JsonRpcException(
        JsonRpcErrorCode.PUSH_NOTIFICATION_NOT_SUPPORTED,
        "Push notifications are not supported by this server (A2A_PUSH_NOTIFICATIONS=false)");
  }

  private MethodOutcome set(Params params, RequestClock clock) {
    TaskPushNotificationConfig config = reader.read(params, TaskPushNotificationConfig.class);
    return new MethodOutcome.Result(configs.set(config));
  }

  private MethodOutcome get(Params params, RequestClock clock) {
    TaskPushNotificationConfigQuery query =
        reader.read(params, TaskPushNotificationConfigQuery.class);
    return new MethodOutcome.Result(configs.get(query.id(), query.pushNotificationConfigId()));
  }

  private MethodOutcome list(Params params, RequestClock clock) {
    TaskIdParams task = reader.read(params, TaskIdParams.class);
    return new MethodOutcome.Result(configs.list(task.id()));
  }

  private MethodOutcome delete(Params params, RequestClock clock) {
    TaskPushNotificationConfigQuery query =
        reader.read(params, TaskPushNotificationConfigQuery.class);
    if (query.pushNotificationConfigId() == null) {
      throw ParamsReader.invalid("params.pushNotificationConfigId is required");
    }
    configs.delete(query.id(), query.pushNotificationConfigId());
    return new MethodOutcome.Result(NullNode.getInstance());
  }
}
