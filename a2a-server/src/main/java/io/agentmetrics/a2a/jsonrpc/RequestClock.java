package io.agentmetrics.a2a.jsonrpc;

import io.agentmetrics.a2a.trace.RequestLatency;
import io.agentmetrics.api.TimeSource;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Times the five request stages of one JSON-RPC request with a monotonic clock, and carries what
 * the methods need to know of the request: its id, method and task, and whether its client is still
 * there. Each stage is a sum of {@code nanoTime} differences, so a stage measured in pieces (a
 * streamed response's serialization) adds up.
 *
 * <p>Not thread-safe: one thread at a time uses it, and a request that is answered later hands it
 * on through the future of its answer.
 *
 * @since 0.1.0
 */
public final class RequestClock {

  private static final double NANOS_PER_MS = 1_000_000.0;

  private final TimeSource time;
  private final long startNanos;
  private final boolean sampled;
  private long parsingNanos;
  private long normalizationNanos;
  private long agentNanos;
  private long serializationNanos;
  private @Nullable String requestId;
  private String method = "unknown";
  private @Nullable String taskId;
  private @Nullable Supplier<? extends CompletionStage<Void>> clientWatch;
  private @Nullable CompletionStage<Void> clientGone;

  /**
   * A clock started now.
   *
   * @param time the clock
   * @param sampled whether this request goes to the trace log
   * @since 0.1.0
   */
  public RequestClock(TimeSource time, boolean sampled) {
    this.time = time;
    this.sampled = sampled;
    this.startNanos = time.nanoTime();
  }

  /**
   * A reading to pass to one of the {@code add*} methods later.
   *
   * @return the current monotonic time
   * @since 0.1.0
   */
  public long now() {
    return time.nanoTime();
  }

  /**
   * Milliseconds since {@code since}. Unlike the rest of the clock it may be called from any
   * thread, such as the agent thread that ends a task, since it only reads the time source.
   */
  double millisSince(long since) {
    return (time.nanoTime() - since) / NANOS_PER_MS;
  }

  /**
   * Adds the time since {@code since} to JSON parsing.
   *
   * @param since an earlier {@link #now()}
   * @since 0.1.0
   */
  public void addParsing(long since) {
    parsingNanos += time.nanoTime() - since;
  }

  /**
   * Adds the time since {@code since} to message normalization.
   *
   * @param since an earlier {@link #now()}
   * @since 0.1.0
   */
  public void addNormalization(long since) {
    normalizationNanos += time.nanoTime() - since;
  }

  /**
   * Adds the time since {@code since} to agent processing.
   *
   * @param since an earlier {@link #now()}
   * @since 0.1.0
   */
  public void addAgent(long since) {
    agentNanos += time.nanoTime() - since;
  }

  /**
   * Adds the time since {@code since} to response serialization.
   *
   * @param since an earlier {@link #now()}
   * @since 0.1.0
   */
  public void addSerialization(long since) {
    serializationNanos += time.nanoTime() - since;
  }

  /**
   * Lets the methods learn when the client goes away before its answer is sent: a blocking send
   * then cancels its turn. The transport starts watching only when a method asks.
   *
   * @param startWatching starts watching the client's connection and returns what completes if the
   *     client disconnects
   * @since 0.1.0
   */
  public void watchClient(Supplier<? extends CompletionStage<Void>> startWatching) {
    this.clientWatch = startWatching;
  }

  /** Completes if the client disconnects; never, if the transport cannot tell. */
  CompletionStage<Void> clientGone() {
    if (clientGone == null) {
      Supplier<? extends CompletionStage<Void>> watch = clientWatch;
      clientGone = watch != null ? watch.get() : new CompletableFuture<>();
    }
    return clientGone;
  }

  /**
   * Names the request in its trace line.
   *
   * @param id the JSON-RPC id, {@code null} when it has none (a {@code req-<uuid>} is generated)
   * @param name the method, or {@code unknown}
   * @since 0.1.0
   */
  public void identify(@Nullable String id, String name) {
    this.requestId = id;
    this.method = name;
  }

  /**
   * Names the task the request sent a message to or addressed.
   *
   * @param id the task id
   * @since 0.1.0
   */
  public void taskId(String id) {
    this.taskId = id;
  }

  /**
   * Whether this request goes to the trace log.
   *
   * @return {@code true} when sampled
   * @since 0.1.0
   */
  public boolean sampled() {
    return sampled;
  }

  /**
   * The request's JSON-RPC id, or a generated {@code req-<uuid>} when it had none or its body could
   * not be read, so that every trace event can be told apart.
   *
   * @return the id as the client sent it, or the generated one
   * @since 0.1.0
   */
  public String requestId() {
    String id = requestId;
    if (id == null) {
      id = "req-" + UUID.randomUUID();
      requestId = id;
    }
    return id;
  }

  /**
   * The JSON-RPC method, once the body has been parsed.
   *
   * @return a method this server serves, or {@code unknown}
   * @since 0.1.0
   */
  public String method() {
    return method;
  }

  /**
   * The stage timings, with {@code total} measured up to now.
   *
   * @return the request's latency
   * @since 0.1.0
   */
  public RequestLatency finish() {
    long total = time.nanoTime() - startNanos;
    return new RequestLatency(
        requestId(),
        method,
        taskId,
        parsingNanos / NANOS_PER_MS,
        normalizationNanos / NANOS_PER_MS,
        agentNanos / NANOS_PER_MS,
        serializationNanos / NANOS_PER_MS,
        total / NANOS_PER_MS,
        sampled);
  }
}
