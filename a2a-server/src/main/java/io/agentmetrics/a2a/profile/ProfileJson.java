package io.agentmetrics.a2a.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The JSON document {@code --output} writes: settings, statistics, failures by cause, the server
 * breakdown, every sample (up to {@link LoadRun#MAX_SAMPLES}) and the full histograms as
 * base64-encoded compressed HdrHistograms, so two runs can be compared and long runs lose nothing.
 *
 * <p>Names are snake_case; times are milliseconds unless the name says otherwise. The {@code
 * schema} field versions the layout.
 */
final class ProfileJson {

  static final String SCHEMA = "agentmetrics.profile/v1";
  static final double[] PERCENTILES = {50, 75, 90, 95, 99, 99.9, 99.99, 100};

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ProfileJson() {}

  static ObjectMapper mapper() {
    return MAPPER;
  }

  static ObjectNode toJson(RunResult result, List<StageSummary> stages, Instant finishedAt) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("started_at", result.startedAt().toString());
    root.put("finished_at", finishedAt.toString());
    root.set("settings", settings(result.settings()));
    root.set("statistics", statistics(result));
    ObjectNode failures = root.putObject("failures");
    for (Map.Entry<FailureCause, Long> failure : result.failures().entrySet()) {
      failures.put(failure.getKey().label(), failure.getValue());
    }
    ScheduleLag lag = result.lag();
    ObjectNode schedule = root.putObject("schedule");
    schedule.put("open_loop", lag.openLoop());
    schedule.put("late_starts", lag.lateStarts());
    schedule.put("late_threshold_ms", LoadRun.LATE_START_NANOS / 1e6);
    schedule.put("max_lag_ms", lag.maxLagNanos() / 1e6);
    schedule.put("client_saturated", lag.saturated(result.total()));
    root.set("server_stages", stagesJson(stages));
    ObjectNode histograms = root.putObject("histograms");
    histograms.put("encoding", "HdrHistogram compressed, base64; values in microseconds");
    histograms.put("latency", encode(result.corrected()));
    histograms.put("latency_uncorrected", encode(result.uncorrected()));
    histograms.put("ttft", encode(result.ttft()));
    root.put("samples_truncated", result.samplesTruncated());
    root.set("samples", samples(result.samples()));
    return root;
  }

  private static ObjectNode settings(ProfileSettings settings) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("url", settings.url().toString());
    node.put("endpoint", settings.endpoint().toString());
    node.put("method", settings.method());
    if (settings.duration() == null) {
      node.put("requests", settings.requests());
      node.putNull("duration_s");
    } else {
      node.putNull("requests");
      node.put("duration_s", settings.duration().toMillis() / 1000.0);
    }
    node.put("concurrency", settings.concurrency());
    node.put("warmup", settings.warmup());
    if (settings.openLoop()) {
      node.put("rate", settings.rate());
    } else {
      node.putNull("rate");
    }
    node.put("stream", settings.stream());
    node.put("timeout_s", settings.timeout().toMillis() / 1000.0);
    node.put("custom_body", settings.customBody());
    node.put("authenticated", settings.authenticated());
    return node;
  }

  private static ObjectNode statistics(RunResult result) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("total_requests", result.total());
    node.put("successful", result.successes());
    node.put("failed", result.failed());
    node.put("duration_s", result.elapsedNanos() / 1e9);
    node.put("throughput_rps", result.throughput());
    node.put("corrected_for_coordinated_omission", result.settings().openLoop());
    node.set("latency_ms", stats(result.corrected()));
    node.set("latency_uncorrected_ms", stats(result.uncorrected()));
    if (result.ttft().getTotalCount() > 0) {
      node.set("ttft_ms", stats(result.ttft()));
    } else {
      node.putNull("ttft_ms");
    }
    return node;
  }

  private static ObjectNode stats(Histogram histogram) {
    LatencyStats stats = LatencyStats.of(histogram);
    ObjectNode node = MAPPER.createObjectNode();
    node.put("count", stats.count());
    node.put("mean", stats.mean());
    node.put("median", stats.median());
    node.put("min", stats.min());
    node.put("max", stats.max());
    node.put("std_dev", stats.stdDev());
    node.put("p90", stats.p90());
    node.put("p95", stats.p95());
    node.put("p99", stats.p99());
    node.put("p999", stats.p999());
    ArrayNode percentiles = node.putArray("percentiles");
    if (histogram.getTotalCount() > 0) {
      for (double p : PERCENTILES) {
        percentiles
            .addObject()
            .put("percentile", p)
            .put("value", LatencyHistograms.toMillis((double) histogram.getValueAtPercentile(p)));
      }
    }
    return node;
  }

  static ObjectNode stagesJson(List<StageSummary> stages) {
    ObjectNode node = MAPPER.createObjectNode();
    for (StageSummary stage : stages) {
      node.putObject(stage.name())
          .put("count", stage.count())
          .put("mean_ms", stage.meanMs())
          .put("p50_ms", stage.p50Ms())
          .put("p95_ms", stage.p95Ms())
          .put("p99_ms", stage.p99Ms())
          .put("max_ms", stage.maxMs());
    }
    return node;
  }

  private static ArrayNode samples(List<Sample> samples) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Sample sample : samples) {
      ObjectNode node = array.addObject();
      node.put("index", sample.index());
      node.put("intended_start_ms", sample.intendedStartNanos() / 1e6);
      node.put("start_ms", sample.startNanos() / 1e6);
      node.put("latency_ms", sample.correctedNanos() / 1e6);
      node.put("latency_uncorrected_ms", sample.uncorrectedNanos() / 1e6);
      sample.ttftNanos().ifPresent(ttft -> node.put("ttft_ms", ttft / 1e6));
      node.put("ok", sample.succeeded());
      sample.failure().ifPresent(cause -> node.put("cause", cause.label()));
    }
    return array;
  }

  /** A histogram as HdrHistogram's compressed encoding in base64, as in its interval logs. */
  static String encode(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
  }
}
