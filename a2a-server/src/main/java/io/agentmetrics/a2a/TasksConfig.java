package io.agentmetrics.a2a;

import static io.agentmetrics.a2a.ConfigChecks.atLeast;
import static io.agentmetrics.a2a.ConfigChecks.notNegative;
import static io.agentmetrics.a2a.ConfigChecks.positive;

import io.agentmetrics.agent.config.ConfigException;
import java.time.Duration;

/**
 * How many tasks and conversations are kept, for how long, and how many agent turns run or wait at
 * once.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxHistory how many earlier turns the agent keeps per conversation ({@code
 *     A2A_MAX_HISTORY})
 * @param maxTaskHistory how many messages a task keeps (the newest), and as many artifacts ({@code
 *     A2A_MAX_TASK_HISTORY})
 * @param taskStoreMaxSize how many tasks are kept before the least recently used are evicted
 *     ({@code A2A_TASK_STORE_SIZE})
 * @param taskStoreMaxBytes how many bytes the tasks kept may retain together, at least {@code
 *     taskStoreMaxSize} ({@code A2A_TASK_STORE_BYTES})
 * @param taskTtl how long a task is kept after its last change ({@code A2A_TASK_TTL_SECONDS})
 * @param contextStoreMaxSize how many conversations are kept ({@code A2A_CONTEXT_STORE_SIZE})
 * @param contextStoreMaxBytes how many bytes the conversations kept may retain together, at least
 *     {@code contextStoreMaxSize} ({@code A2A_CONTEXT_STORE_BYTES})
 * @param contextTtl how long a conversation is kept after its last turn ({@code
 *     A2A_CONTEXT_TTL_SECONDS})
 * @param agentThreads how many tasks run at once ({@code A2A_AGENT_THREADS})
 * @param agentQueueCapacity how many turns may wait for a free agent slot; more are refused at once
 *     ({@code A2A_AGENT_QUEUE})
 * @param agentQueueTimeout how long a turn may wait for the agent; a send the queue could not start
 *     within it is refused at once ({@code A2A_AGENT_QUEUE_TIMEOUT_MS})
 * @since 0.1.0
 */
public record TasksConfig(
    int maxHistory,
    int maxTaskHistory,
    long taskStoreMaxSize,
    long taskStoreMaxBytes,
    Duration taskTtl,
    long contextStoreMaxSize,
    long contextStoreMaxBytes,
    Duration contextTtl,
    int agentThreads,
    int agentQueueCapacity,
    Duration agentQueueTimeout) {

  /** Default conversation history kept per context, as the issue asks. */
  public static final int DEFAULT_MAX_HISTORY = 20;

  /** Default messages kept per task. */
  public static final int DEFAULT_MAX_TASK_HISTORY = 100;

  /** Default task store size. */
  public static final long DEFAULT_TASK_STORE_MAX_SIZE = 10_000;

  /** Default bytes the task store may retain: an eighth of the maximum heap. */
  public static final long DEFAULT_TASK_STORE_MAX_BYTES = ServerConfig.heapShare(8);

  /** Default task time-to-live. */
  public static final Duration DEFAULT_TASK_TTL = Duration.ofHours(1);

  /** Default conversation store size. */
  public static final long DEFAULT_CONTEXT_STORE_MAX_SIZE = 10_000;

  /** Default bytes the conversation store may retain: a 32nd of the maximum heap. */
  public static final long DEFAULT_CONTEXT_STORE_MAX_BYTES = ServerConfig.heapShare(32);

  /** Default conversation time-to-live. */
  public static final Duration DEFAULT_CONTEXT_TTL = Duration.ofHours(1);

  /** Default agent threads. */
  public static final int DEFAULT_AGENT_THREADS = 16;

  /** Default agent queue capacity. */
  public static final int DEFAULT_AGENT_QUEUE_CAPACITY = 256;

  /** Default longest wait for the agent: a turn the queue cannot start within it is refused. */
  public static final Duration DEFAULT_AGENT_QUEUE_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Checks every field.
   *
   * @throws ConfigException naming the first bad setting and what it allows
   */
  public TasksConfig {
    notNegative(maxHistory, "A2A_MAX_HISTORY");
    positive(maxTaskHistory, "A2A_MAX_TASK_HISTORY");
    positive(taskStoreMaxSize, "A2A_TASK_STORE_SIZE");
    atLeast(
        taskStoreMaxBytes,
        taskStoreMaxSize,
        "A2A_TASK_STORE_BYTES",
        "A2A_TASK_STORE_SIZE, a byte per task");
    positive(taskTtl, "A2A_TASK_TTL_SECONDS");
    positive(contextStoreMaxSize, "A2A_CONTEXT_STORE_SIZE");
    atLeast(
        contextStoreMaxBytes,
        contextStoreMaxSize,
        "A2A_CONTEXT_STORE_BYTES",
        "A2A_CONTEXT_STORE_SIZE, a byte per conversation");
    positive(contextTtl, "A2A_CONTEXT_TTL_SECONDS");
    positive(agentThreads, "A2A_AGENT_THREADS");
    positive(agentQueueCapacity, "A2A_AGENT_QUEUE");
    positive(agentQueueTimeout, "A2A_AGENT_QUEUE_TIMEOUT_MS");
  }

  /**
   * The {@code DEFAULT_*} values.
   *
   * @return the default task settings
   * @since 0.1.0
   */
  public static TasksConfig defaults() {
    return new TasksConfig(
        DEFAULT_MAX_HISTORY,
        DEFAULT_MAX_TASK_HISTORY,
        DEFAULT_TASK_STORE_MAX_SIZE,
        DEFAULT_TASK_STORE_MAX_BYTES,
        DEFAULT_TASK_TTL,
        DEFAULT_CONTEXT_STORE_MAX_SIZE,
        DEFAULT_CONTEXT_STORE_MAX_BYTES,
        DEFAULT_CONTEXT_TTL,
        DEFAULT_AGENT_THREADS,
        DEFAULT_AGENT_QUEUE_CAPACITY,
        DEFAULT_AGENT_QUEUE_TIMEOUT);
  }
}
