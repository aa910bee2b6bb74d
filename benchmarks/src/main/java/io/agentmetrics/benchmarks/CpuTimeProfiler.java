package io.agentmetrics.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports the CPU time the benchmark's JVM spent per operation, {@value
 * #METRIC} in ns/op: run with {@code -prof io.agentmetrics.benchmarks.CpuTimeProfiler}.
 *
 * <p>The primary score is wall time, which on a machine shared with other work includes the time
 * the benchmark threads waited for a core; CPU time does not, so ratios of it stay comparable under
 * load. It is the whole process's CPU time over an iteration divided by the operations of all
 * threads, so it includes the garbage collector's work for what the benchmark allocates (and any
 * compilation still running, which the warm-up iterations leave little of). For a benchmark run by
 * N threads it is the CPU time per operation of one thread, as the primary score is.
 *
 * <p>JMH creates one instance per fork and calls it from one thread; not thread-safe.
 *
 * @since 0.1.0
 */
public final class CpuTimeProfiler implements InternalProfiler {

  /** The name of the secondary result. */
  static final String METRIC = "cpu.time.norm";

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private long cpuNanosBefore;

  @Override
  public String getDescription() {
    return "Process CPU time per operation (" + METRIC + ")";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
    cpuNanosBefore = os.getProcessCpuTime();
  }

  @Override
  @SuppressWarnings("rawtypes") // InternalProfiler declares the raw Result
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
    long cpuNanos = os.getProcessCpuTime() - cpuNanosBefore;
    long operations = result.getMetadata().getAllOps();
    double perOperation = operations == 0 ? Double.NaN : cpuNanos / (double) operations;
    return List.of(new ScalarResult(METRIC, perOperation, "ns/op", AggregationPolicy.AVG));
  }
}
