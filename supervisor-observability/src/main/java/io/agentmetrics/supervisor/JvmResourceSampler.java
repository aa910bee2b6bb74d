package io.agentmetrics.supervisor;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.agent.concurrent.DaemonThreadFactory;
import io.agentmetrics.supervisor.internal.Checks;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the JVM's resource use into a {@link SupervisorObservability} on a schedule, reading the
 * figures the seed took from {@code psutil} out of the platform MXBeans: process CPU load, heap
 * plus non-heap memory in use, and the live thread count.
 *
 * <pre>{@code
 * try (JvmResourceSampler sampler = JvmResourceSampler.start(observability, Duration.ofSeconds(15))) {
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

  private final ResourceRecorder recorder;
  private final ScheduledExecutorService executor;
  private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  private JvmResourceSampler(ResourceRecorder recorder, Duration interval) {
    this.recorder = recorder;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            new DaemonThreadFactory("agentmetrics-jvm-resource-sampler"));
    long nanos = interval.toNanos();
    executor.scheduleAtFixedRate(this::sampleSafely, 0, nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Starts sampling into {@code observability} every {@code interval}, the first sample at once.
   *
   * @throws IllegalArgumentException if {@code interval} is zero or negative
   */
  public static JvmResourceSampler start(SupervisorObservability observability, Duration interval) {
    requireNonNull(observability, "observability");
    return start(observability::recordResourceMetrics, interval);
  }

  static JvmResourceSampler start(ResourceRecorder recorder, Duration interval) {
    requireNonNull(recorder, "recorder");
    return new JvmResourceSampler(recorder, Checks.positive(interval, "interval"));
  }

  /** Takes one sample now, on the calling thread. */
  public void sampleNow() {
    recorder.record(cpuPercent(), memoryMb(), threads.getThreadCount());
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

  /** Where samples go; {@link SupervisorObservability#recordResourceMetrics} in production. */
  @FunctionalInterface
  interface ResourceRecorder {
    void record(double cpuPercent, double memoryMb, int threadCount);
  }
}
