package io.agentmetrics.agent.concurrent;

import io.agentmetrics.api.Preconditions;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes daemon threads named {@code prefix-1}, {@code prefix-2}, and so on, for the background work
 * of agentmetrics' components (streaming LLM responses, read timeouts, resource sampling, the
 * sample server's agents and push deliveries): daemon, so that they never keep a JVM alive, and
 * named, so that a thread dump says whose they are.
 *
 * <pre>{@code
 * ExecutorService streams = Executors.newCachedThreadPool(new DaemonThreadFactory("my-agent-stream"));
 * }</pre>
 *
 * <p>Public because agent-runtime is the lowest module that runs such threads and the later ones
 * share it. Thread-safe.
 *
 * @since 0.1.0
 */
public final class DaemonThreadFactory implements ThreadFactory {

  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  /**
   * A factory whose threads are named {@code prefix} and a sequence number from 1.
   *
   * @throws IllegalArgumentException if {@code prefix} is blank
   */
  public DaemonThreadFactory(String prefix) {
    this.prefix = Preconditions.notBlank(prefix, "prefix");
  }

  /** A new, unstarted daemon thread that runs {@code runnable}. */
  @Override
  public Thread newThread(Runnable runnable) {
    Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
