package io.agentmetrics.benchmarks;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A performance target, judged against one run's results.
 *
 * <p>Absolute times on a shared machine are noisy, so most targets are ratios against a reference
 * measured in the same run.
 */
sealed interface Target {

  /** A short stable id, such as {@code "collector-vs-floor"}. */
  String id();

  /** Judges the target against the benchmarks (by {@link JmhResult#key()}) and the footprint. */
  Verdict evaluate(Map<String, JmhResult> results, List<FootprintSample> footprint);

  /** Which time per operation a {@link Ratio} compares. */
  enum Basis {
    /** The median of the measurement iterations' wall times: the primary score. */
    WALL_MEDIAN,
    /**
     * The {@link CpuTimeProfiler}'s CPU time per operation, which waiting for a core on a busy
     * machine does not inflate.
     */
    CPU
  }

  /**
   * The subject's time per operation is at most {@code maxRatio} times the reference's, on the
   * given {@link Basis}.
   */
  record Ratio(String id, String subject, String reference, double maxRatio, Basis basis)
      implements Target {

    public Ratio {
      requireNonNull(id, "id");
      requireNonNull(subject, "subject");
      requireNonNull(reference, "reference");
      requireNonNull(basis, "basis");
    }

    /** A ratio of the medians of the wall times. */
    Ratio(String id, String subject, String reference, double maxRatio) {
      this(id, subject, reference, maxRatio, Basis.WALL_MEDIAN);
    }

    @Override
    public Verdict evaluate(Map<String, JmhResult> results, List<FootprintSample> footprint) {
      String description =
          subject
              + " <= "
              + maxRatio
              + "x "
              + reference
              + (basis == Basis.CPU ? " (CPU time)" : "");
      JmhResult measured = results.get(subject);
      JmhResult base = results.get(reference);
      if (measured == null || base == null) {
        return Verdict.missing(
            id,
            description,
            maxRatio,
            "not in the results: " + (measured == null ? subject : reference));
      }
      if (basis == Basis.CPU) {
        if (measured.cpuNanosPerOp().isEmpty() || base.cpuNanosPerOp().isEmpty()) {
          return Verdict.missing(
              id,
              description,
              maxRatio,
              "no "
                  + CpuTimeProfiler.METRIC
                  + ": run JMH with -prof "
                  + CpuTimeProfiler.class.getName());
        }
        double cpu = measured.cpuNanosPerOp().getAsDouble();
        double cpuBase = base.cpuNanosPerOp().getAsDouble();
        return Verdict.of(
            id,
            description,
            cpu / cpuBase,
            maxRatio,
            "CPU time " + nanos(cpu, Double.NaN) + " vs " + nanos(cpuBase, Double.NaN));
      }
      double ratio = measured.medianNanosPerOp() / base.medianNanosPerOp();
      String detail =
          String.format(
              Locale.ROOT,
              "median %s vs %s; means %s vs %s (ratio %.3f)",
              nanos(measured.medianNanosPerOp(), Double.NaN),
              nanos(base.medianNanosPerOp(), Double.NaN),
              nanos(measured.nanosPerOp(), measured.errorNanosPerOp()),
              nanos(base.nanosPerOp(), base.errorNanosPerOp()),
              measured.nanosPerOp() / base.nanosPerOp());
      return Verdict.of(id, description, ratio, maxRatio, detail);
    }
  }

  /** The subject's median time per operation is at most {@code maxMillis} milliseconds. */
  record TimeLimit(String id, String subject, double maxMillis) implements Target {

    public TimeLimit {
      requireNonNull(id, "id");
      requireNonNull(subject, "subject");
    }

    @Override
    public Verdict evaluate(Map<String, JmhResult> results, List<FootprintSample> footprint) {
      String description = subject + " <= " + maxMillis + " ms";
      JmhResult measured = results.get(subject);
      if (measured == null) {
        return Verdict.missing(id, description, maxMillis, "not in the results: " + subject);
      }
      double millis = measured.medianNanosPerOp() / 1e6;
      return Verdict.of(
          id,
          description,
          millis,
          maxMillis,
          "median "
              + nanos(measured.medianNanosPerOp(), Double.NaN)
              + "; mean "
              + nanos(measured.nanosPerOp(), measured.errorNanosPerOp()));
    }
  }

  /**
   * The aggregator's retained heap varies by at most {@code maxSpread} (a fraction of the smallest)
   * across the footprint samples.
   */
  record FlatFootprint(String id, double maxSpread) implements Target {

    public FlatFootprint {
      requireNonNull(id, "id");
    }

    @Override
    public Verdict evaluate(Map<String, JmhResult> results, List<FootprintSample> footprint) {
      String description =
          String.format(
              Locale.ROOT,
              "aggregator heap flat within %.0f%% across record counts",
              maxSpread * 100);
      if (footprint.size() < 2) {
        return Verdict.missing(
            id, description, maxSpread, "fewer than two footprint samples; run FootprintProbe");
      }
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      StringBuilder detail = new StringBuilder();
      for (FootprintSample sample : footprint) {
        min = Math.min(min, sample.retainedHeapBytes());
        max = Math.max(max, sample.retainedHeapBytes());
        if (detail.length() > 0) {
          detail.append(", ");
        }
        detail.append(
            String.format(
                Locale.ROOT, "%,d records: %,d B", sample.records(), sample.retainedHeapBytes()));
      }
      double spread = min <= 0 ? Double.POSITIVE_INFINITY : (max - min) / (double) min;
      return Verdict.of(id, description, spread, maxSpread, detail.toString());
    }
  }

  private static String nanos(double value, double error) {
    String unit = value >= 1e6 ? "ms" : value >= 1e3 ? "us" : "ns";
    double scale = value >= 1e6 ? 1e6 : value >= 1e3 ? 1e3 : 1;
    return Double.isNaN(error)
        ? String.format(Locale.ROOT, "%.1f %s", value / scale, unit)
        : String.format(Locale.ROOT, "%.1f ± %.1f %s", value / scale, error / scale, unit);
  }
}
