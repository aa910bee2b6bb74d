package io.agentmetrics.a2a.jsonrpc;

import io.agentmetrics.a2a.dto.TaskIdParams;
import io.agentmetrics.a2a.dto.TaskQueryParams;
import io.agentmetrics.a2a.task.TaskService;
import java.util.Map;

/**
 * {@code tasks/get} (honouring {@code historyLength}), {@code tasks/cancel} and {@code
 * tasks/resubscribe}.
 *
 * <p>Thread-safe.
 */
final class TaskMethods {

  private final ParamsReader reader;
  private final TaskService tasks;

  TaskMethods(ParamsReader reader, TaskService tasks) {
    this.reader = reader;
    this.tasks = tasks;
  }

  void register(Map<String, MethodHandler> handlers) {
    handlers.put("tasks/get", this::get);
    handlers.put("tasks/cancel", this::cancel);
    handlers.put("tasks/resubscribe", this::resubscribe);
  }

  private MethodOutcome get(Params params, RequestClock clock) {
    TaskQueryParams query = reader.read(params, TaskQueryParams.class);
    return new MethodOutcome.Snapshot(tasks.get(query.id(), query.historyLength()));
  }

  private MethodOutcome cancel(Params params, RequestClock clock) {
    TaskIdParams task = reader.read(params, TaskIdParams.class);
    return new MethodOutcome.Result(tasks.cancel(task.id()));
  }

  private MethodOutcome resubscribe(Params params, RequestClock clock) {
    TaskIdParams task = reader.read(params, TaskIdParams.class);
    return new MethodOutcome.Stream(tasks.resubscribe(task.id()));
  }
}
