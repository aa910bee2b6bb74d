package io.agentmetrics.supervisor;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.agent.concurrent.DaemonThreadFactory;
import io.agentmetrics.api.Preconditions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the JVM's resource use into a {@link SupervisorObservability} on a schedule, reading the
 * figures the seed took from {@code psutil} out of the platform MXBeans: process CPU load, heap
 * plus non-heap memory in use, and the live thread count. Given the {@link ThreadPoolExecutor} that
 * runs the agents, it also records that pool's utilization: busy threads as a percentage of its
 * maximum.
 *
 * <pre>{@code
 * try (JvmResourceSampler sampler =
 *     JvmResourceSampler.start(observability, Duration.ofSeconds(15), agentPool)) {
 *   // ... serve requests ...
 * }
 * }</pre>
 *
 * <p>Samples are taken on one daemon thread, so a sampler never keeps the JVM alive; {@link
 * #close()} stops it. A failing sample is logged at DEBUG and the next one is still taken.
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class JvmResourceSampler implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(JvmResourceSampler.class);
  private static final double BYTES_PER_MB = 1024.0 * 1024.0;

  /** The {@code maxThreads} of a sample without a pool, whose thread count is the JVM's. */
  static final int NO_POOL = 0;

  private final ResourceRecorder recorder;
  private final @Nullable ThreadPoolExecutor pool;
  private final ScheduledExecutorService executor;
  private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  private JvmResourceSampler(
      ResourceRecorder recorder, @Nullable ThreadPoolExecutor pool, Duration interval) {
    this.recorder = recorder;
    this.pool = pool;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            new DaemonThreadFactory("agentmetrics-jvm-resource-sampler"));
    long nanos = interval.toNanos();
    // Shutting the executor down cancels the task: its future is not needed.
    ScheduledFuture<?> unused =
        executor.scheduleAtFixedRate(this::sampleSafely, 0, nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Starts sampling CPU, memory and the live thread count into {@code observability} every {@code
   * interval}, the first sample at once. No thread pool utilization is recorded: see {@link
   * SupervisorObservability#recordResourceMetrics(double, double, int)}.
   *
   * @throws IllegalArgumentException if {@code interval} is zero or negative
   */
  public static JvmResourceSampler start(SupervisorObservability observability, Duration interval) {
    requireNonNull(observability, "observability");
    return start(toObservability(observability), null, interval);
  }

  /**
   * Starts sampling CPU, memory and the utilization of {@code pool} (its active threads as a
   * percentage of its maximum pool size) into {@code observability} every {@code interval}, the
   * first sample at once.
   *
   * @throws IllegalArgumentException if {@code interval} is zero or negative
   * @since 0.1.0
   */
  public static JvmResourceSampler start(
      SupervisorObservability observability, Duration interval, ThreadPoolExecutor pool) {
    requireNonNull(observability, "observability");
    return start(toObservability(observability), requireNonNull(pool, "pool"), interval);
  }

  static JvmResourceSampler start(
      ResourceRecorder recorder, @Nullable ThreadPoolExecutor pool, Duration interval) {
    requireNonNull(recorder, "recorder");
    return new JvmResourceSampler(recorder, pool, Preconditions.positive(interval, "interval"));
  }

  /** Takes one sample now, on the calling thread. */
  public void sampleNow() {
    ThreadPoolExecutor sampled = pool;
    if (sampled == null) {
      recorder.record(cpuPercent(), memoryMb(), threads.getThreadCount(), NO_POOL);
    } else {
      recorder.record(
          cpuPercent(), memoryMb(), sampled.getActiveCount(), sampled.getMaximumPoolSize());
    }
  }

  /** Whether the sampler has been closed. */
  public boolean isClosed() {
    return executor.isShutdown();
  }

  /** Stops sampling; a sample in progress completes. */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  private void sampleSafely() {
    try {
      sampleNow();
    } catch (RuntimeException e) {
      // Thrown out of a scheduled task, it would cancel every later sample.
      logger.debug("Resource sample failed", e);
    }
  }

  /** The process's recent CPU load in percent, or 0 where the JVM does not report it. */
  private double cpuPercent() {
    if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
      double load = hotspot.getProcessCpuLoad();
      return load >= 0 ? Math.min(100.0, load * 100.0) : 0.0;
    }
    return 0.0;
  }

  private double memoryMb() {
    long used = memory.getHeapMemoryUsage().getUsed() + memory.getNonHeapMemoryUsage().getUsed();
    return used / BYTES_PER_MB;
  }

  private static ResourceRecorder toObservability(SupervisorObservability observability) {
    return (cpu, memory, threads, maxThreads) -> {
      if (maxThreads == NO_POOL) {
        observability.recordResourceMetrics(cpu, memory, threads);
      } else {
        observability.recordResourceMetrics(cpu, memory, threads, maxThreads);
      }
    };
  }

  /**
   * Where samples go; {@link SupervisorObservability#recordResourceMetrics} in production. {@code
   * threads} is the pool's active threads, or the JVM's live threads when {@code maxThreads} is
   * {@link #NO_POOL}.
   */
  @FunctionalInterface
  interface ResourceRecorder {
    void record(double cpuPercent, double memoryMb, int threads, int maxThreads);
  }
}
