package io.agentmetrics.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.agentmetrics.aggregator.AggregatorConfig;
import io.agentmetrics.aggregator.MetricsAggregator;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Measures how much heap a {@link MetricsAggregator} keeps after 10<sup>4</sup>, 10<sup>6</sup> and
 * 10<sup>7</sup> records, and writes the samples as JSON for {@link TargetCheck}.
 *
 * <p>Usage: {@code FootprintProbe OUTPUT_JSON}. Each count fills a fresh aggregator with fresh
 * {@link PerformanceMetric} objects (as production does, so that the raw-metric reservoir keeps
 * real objects), spread evenly over two hours of simulated time: every count fills the same slices
 * (every 10 s, 5 min and 1 h slice of the windows up to HOUR), so only the number of records
 * differs. The retained heap is the used heap after full collections with the aggregator alive,
 * minus the same before it was created. Run it with {@code -XX:+UseSerialGC}, whose full
 * collections compact the whole heap, so that used heap after GC is exact to the object; JOL would
 * add a dependency to measure the same graph.
 *
 * <p>Not thread-safe; it is a one-shot command.
 *
 * @since 0.1.0
 */
public final class FootprintProbe {

  /** The record counts of issue 8. */
  static final long[] COUNTS = {10_000, 1_000_000, 10_000_000};

  private static final Duration SPAN = Duration.ofHours(2);
  private static final int STABLE_READINGS = 3;
  private static final int MAX_COLLECTIONS = 20;

  private FootprintProbe() {}

  /**
   * Runs the probe; see the class documentation for the argument.
   *
   * @param args the JSON file to write
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: FootprintProbe OUTPUT_JSON");
      System.exit(2);
    }
    LatencySamples samples = new LatencySamples();
    List<FootprintSample> results = new ArrayList<>();
    for (long count : COUNTS) {
      FootprintSample sample = measure(count, samples);
      System.out.printf(
          Locale.ROOT,
          "%,12d records: retained heap %,d B, estimated histograms %,d B%n",
          sample.records(),
          sample.retainedHeapBytes(),
          sample.estimatedBytes());
      results.add(sample);
    }
    Path output = Path.of(args[0]);
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(output.toFile(), results);
  }

  private static FootprintSample measure(long count, LatencySamples samples) {
    UUID executionId = UUID.randomUUID();
    long before = usedHeapAfterGc();
    SimulatedTimeSource clock = new SimulatedTimeSource();
    MetricsAggregator aggregator = new MetricsAggregator(AggregatorConfig.defaults(), clock);
    long stepNanos = SPAN.toNanos() / count;
    for (long i = 0; i < count; i++) {
      clock.advanceNanos(stepNanos);
      aggregator.addMetric(
          new PerformanceMetric(
              MetricType.LLM_PROCESSING,
              samples.millis[(int) (i & LatencySamples.MASK)],
              clock.now(),
              executionId,
              "benchmark-agent"));
    }
    long after;
    long estimated;
    try {
      after = usedHeapAfterGc();
      estimated = aggregator.estimatedFootprintBytes();
    } finally {
      Reference.reachabilityFence(aggregator);
    }
    return new FootprintSample(count, after - before, estimated);
  }

  /** Collects until the used heap stops changing, and returns it. */
  private static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = -1;
    int stable = 0;
    for (int i = 0; i < MAX_COLLECTIONS && stable < STABLE_READINGS; i++) {
      System.gc();
      long used = memory.getHeapMemoryUsage().getUsed();
      stable = used == previous ? stable + 1 : 0;
      previous = used;
    }
    return previous;
  }
}
