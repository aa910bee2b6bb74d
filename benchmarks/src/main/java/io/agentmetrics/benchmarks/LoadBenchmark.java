package io.agentmetrics.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The load benchmark of the A2A server: starts the shaded jar's {@code serve} as a user does, on a
 * default JVM (no flags), with the simulated model at zero latency: with tracing off, on to stdout
 * (as the seed does), on to {@code A2A_TRACE_LOG_FILE}, and off again as a control; drives {@code
 * POST /tasks/send} with the Telex request through {@code wrk} (maximum throughput, then paced at
 * half the tracing-off throughput) and through the project's own {@code profile --rate} (open loop,
 * at that half rate), and writes the figures and target verdicts as JSON.
 *
 * <p>Throughput counts successful (2xx) answers only; the others, such as the 503 of a full agent
 * queue or in-flight budget, are reported as {@code non_2xx} beside it. Each of the first three is
 * first measured the way issue 28 measures a fresh server: {@value #FIRST_WARMUP_SECONDS} s of
 * load, then {@value #FIRST_MEASURED_SECONDS} s measured ({@code first_15_s}); the throughput
 * target is judged there. After a longer warm-up the wrk measurement alternates between the servers
 * in {@value #ROUNDS} rounds; each server reports its median round and the CPU time it spent per
 * request, and tracing's throughput share (to stdout and to the file) is the median of the rounds'
 * traced-to-untraced ratios, each round's servers run back to back. A fourth server, untraced like
 * the first, runs in every round too ({@code tracing_off_control}): its share against the first is
 * what two identical servers measure, the noise band a tracing share is read against (each JVM
 * settles in its own compiled state, and one keeps its lead or lag over the rounds). The non-LLM
 * overhead is read from the traced server's trace lines for its wrk rounds, its paced wrk run at
 * half rate (where the target is checked), its half-rate profile run and a profile run at {@value
 * #MODERATE_RATE} req/s, a rate at which the profiler's own JVM does not saturate the machine.
 *
 * <p>Arguments: the server jar, the request body, the wrk Lua script, the output file, the seconds
 * per measurement (the profile run; the wrk rounds of one server share them), the wrk connections
 * and the seconds of warm-up load for each server (its JIT compilers share the two cores with the
 * load, so a server needs about a minute to reach its steady state). Run it through {@code
 * benchmarks/load.sh}.
 */
public final class LoadBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern READY = Pattern.compile("A2A server ready at (http://\\S+)");
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s+(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
  private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([0-9.]+)(ms|s|m)");

  /** Issue 28's measurement of a fresh server: this much load first, unmeasured. */
  private static final int FIRST_WARMUP_SECONDS = 5;

  /** Issue 28's measurement of a fresh server: then this much, measured. */
  private static final int FIRST_MEASURED_SECONDS = 10;

  /**
   * The wrk measurement alternates between the two servers in this many rounds, so that a burst of
   * other load on a shared machine lands on both and the throughput share compares like with like.
   */
  private static final int ROUNDS = 5;

  private static final int MIN_ROUND_SECONDS = 5;

  private static final int WRK_THREADS = 2;

  /**
   * A rate the profiler keeps to on this machine (its JVM needs about 100 µs of CPU per request),
   * at which the traced server's own overhead is measured without the machine being saturated.
   */
  private static final double MODERATE_RATE = 2_000;

  private LoadBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args jar, body, lua script, output, seconds, connections, warm-up seconds
   * @throws Exception if a step fails; the message says which
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      System.err.println(
          "usage: LoadBenchmark <a2a-server.jar> <body.json> <post.lua> <out.json> <seconds>"
              + " <connections> <warmup-seconds>");
      System.exit(2);
    }
    Settings settings =
        new Settings(
            Path.of(args[0]),
            Path.of(args[1]),
            Path.of(args[2]),
            Integer.parseInt(args[4]),
            Integer.parseInt(args[5]),
            Integer.parseInt(args[6]));
    Path work = Files.createTempDirectory("agentmetrics-load-");
    ObjectNode result = JSON.createObjectNode();
    result.put("cpus", Runtime.getRuntime().availableProcessors());
    result.put("seconds", settings.seconds());
    result.put("connections", settings.connections());
    result.put("warmup_seconds", settings.warmupSeconds());

    ObjectNode off = result.putObject("tracing_off");
    ObjectNode toStdout = result.putObject("tracing_to_stdout");
    ObjectNode on = result.putObject("tracing_to_file");
    ObjectNode control = result.putObject("tracing_off_control");
    try (Server untraced = Server.start(settings.jar(), work, Tracing.OFF);
        Server stdoutTraced = Server.start(settings.jar(), work, Tracing.STDOUT);
        Server traced = Server.start(settings.jar(), work, Tracing.FILE);
        Server untracedTwin = Server.start(settings.jar(), work, Tracing.OFF)) {
      List<Server> configured = List.of(untraced, stdoutTraced, traced);
      List<ObjectNode> configuredNodes = List.of(off, toStdout, on);
      for (int i = 0; i < configured.size(); i++) {
        measureFresh(settings, configured.get(i), configuredNodes.get(i));
      }
      List<Server> all = List.of(untraced, stdoutTraced, traced, untracedTwin);
      List<ObjectNode> nodes = List.of(off, toStdout, on, control);
      for (Server server : all) {
        wrk(settings, server.url(), settings.warmupSeconds(), Map.of());
      }
      long warmedUp = settledSize(traced.traceFile());
      Servers servers = new Servers(untraced, traced, off, on);
      measureThroughput(settings, all, nodes);
      long fullRateEnd = settledSize(traced.traceFile());
      putOverhead(
          on.withObjectProperty("wrk"),
          settings.jar(),
          traced.traceFile(),
          warmedUp,
          fullRateEnd,
          work);
      long pacedEnd = measurePaced(settings, servers, fullRateEnd, work);
      measureLatency(settings, servers, pacedEnd, work);
    }

    ObjectNode targets = result.putObject("targets");
    target(
        targets,
        "throughput_at_32_connections_rps",
        off.path("first_15_s").path("throughput_rps").asDouble(),
        ">=",
        15_000);
    target(
        targets,
        "p99_at_half_rate_ms",
        off.path("wrk_half_rate").path("p99_ms").asDouble(),
        "<",
        10);
    target(
        targets,
        "p99_at_half_rate_open_loop_ms",
        off.path("profile_half_rate").path("p99_ms").asDouble(),
        "<",
        10);
    target(
        targets,
        "tracing_to_stdout_throughput_share",
        toStdout.path("wrk").path("throughput_share").asDouble(),
        ">=",
        0.95);
    target(
        targets,
        "tracing_to_file_throughput_share",
        on.path("wrk").path("throughput_share").asDouble(),
        ">=",
        0.95);
    target(
        targets,
        "non_llm_overhead_p99_at_half_rate_ms",
        on.path("wrk_half_rate").path("non_llm_overhead_p99_ms").asDouble(),
        "<",
        1);
    Path out = Path.of(args[3]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
    System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
  }

  /**
   * Issue 28's measurement of a fresh server: {@value #FIRST_WARMUP_SECONDS} s of load, then
   * {@value #FIRST_MEASURED_SECONDS} s measured, which a user meets before the JIT has finished.
   */
  private static void measureFresh(Settings settings, Server server, ObjectNode into)
      throws Exception {
    wrk(settings, server.url(), FIRST_WARMUP_SECONDS, Map.of());
    ObjectNode measured = wrkRound(settings, server, FIRST_MEASURED_SECONDS);
    measured.remove("requests");
    into.set("first_15_s", measured);
  }

  /**
   * The wrk rounds, alternating between the servers (the untraced one first), and each other
   * server's throughput share: the median of its ratios to the untraced one in rounds run back to
   * back, so that a change in the machine's speed between rounds cancels out.
   */
  private static void measureThroughput(
      Settings settings, List<Server> servers, List<ObjectNode> nodes) throws Exception {
    int roundSeconds = Math.max(MIN_ROUND_SECONDS, settings.seconds() / ROUNDS);
    List<List<ObjectNode>> rounds = new ArrayList<>();
    List<List<Double>> shares = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      rounds.add(new ArrayList<>());
      shares.add(new ArrayList<>());
    }
    for (int round = 0; round < ROUNDS; round++) {
      for (int i = 0; i < servers.size(); i++) {
        ObjectNode result = wrkRound(settings, servers.get(i), roundSeconds);
        rounds.get(i).add(result);
        shares
            .get(i)
            .add(
                result.path("throughput_rps").asDouble()
                    / rounds.get(0).get(round).path("throughput_rps").asDouble());
      }
    }
    putWrk(nodes.get(0), rounds.get(0));
    for (int i = 1; i < servers.size(); i++) {
      ObjectNode tracedWrk = putWrk(nodes.get(i), rounds.get(i));
      tracedWrk.put("throughput_share", median(shares.get(i)));
      shares.get(i).forEach(tracedWrk.putArray("throughput_share_rounds")::add);
    }
  }

  /** One wrk round at full speed, with the CPU time the server spent per request. */
  private static ObjectNode wrkRound(Settings settings, Server server, int seconds)
      throws Exception {
    Duration before = server.cpuTime();
    ObjectNode round = parseWrk(wrk(settings, server.url(), seconds, Map.of()));
    Duration spent = server.cpuTime().minus(before);
    round.put("cpu_us_per_request", spent.toNanos() / 1_000.0 / round.path("requests").asLong());
    return round;
  }

  /**
   * wrk paced at half the tracing-off throughput, against each server in turn: the latency of a
   * server that is not saturated, from a load generator that needs a fifth of the CPU per request
   * that a JVM client does. wrk times each request from when it sent it, so unlike {@code profile
   * --rate} it does not count the wait of requests held back by a stall.
   *
   * @param traceOffset where the traced server's file ends before these runs
   * @return where the traced server's file ends after them
   */
  private static long measurePaced(Settings settings, Servers servers, long traceOffset, Path work)
      throws Exception {
    Server traced = servers.traced();
    double halfRate = halfRate(servers.off());
    servers.off().set("wrk_half_rate", paced(settings, servers.untraced(), halfRate));
    ObjectNode tracedRun = paced(settings, traced, halfRate);
    servers.on().set("wrk_half_rate", tracedRun);
    long end = settledSize(traced.traceFile());
    putOverhead(tracedRun, settings.jar(), traced.traceFile(), traceOffset, end, work);
    return end;
  }

  private static ObjectNode paced(Settings settings, Server server, double rate) throws Exception {
    String interval = String.format(Locale.ROOT, "%.4f", WRK_THREADS * 1_000 / rate);
    ObjectNode run = JSON.createObjectNode();
    run.put("rate", rate);
    run.setAll(
        parseWrk(wrk(settings, server.url(), settings.seconds(), Map.of("INTERVAL_MS", interval))));
    return run;
  }

  /** Half the tracing-off throughput under wrk, in whole requests a second. */
  private static double halfRate(ObjectNode off) {
    return Math.floor(off.path("wrk").path("throughput_rps").asDouble() / 2);
  }

  /**
   * The profile runs: both servers at half the tracing-off throughput, then the traced one at
   * {@value #MODERATE_RATE} req/s, each with the non-LLM overhead of its traced requests.
   *
   * @param traceOffset where the traced server's file ends before these runs
   */
  private static void measureLatency(
      Settings settings, Servers servers, long traceOffset, Path work) throws Exception {
    Server untraced = servers.untraced();
    Server traced = servers.traced();
    ObjectNode off = servers.off();
    ObjectNode on = servers.on();
    double halfRate = halfRate(off);
    putProfile(
        off,
        "profile_half_rate",
        profile(settings, untraced.url(), halfRate, work.resolve("profile-off.json")));
    putProfile(
        on,
        "profile_half_rate",
        profile(settings, traced.url(), halfRate, work.resolve("profile-on.json")));
    long halfRateEnd = settledSize(traced.traceFile());
    putOverhead(
        on.withObjectProperty("profile_half_rate"),
        settings.jar(),
        traced.traceFile(),
        traceOffset,
        halfRateEnd,
        work);
    JsonNode moderate =
        profile(settings, traced.url(), MODERATE_RATE, work.resolve("profile-moderate.json"));
    putOverheadOfLast(
        putProfile(on, "profile_moderate_rate", moderate),
        settings.jar(),
        traced.traceFile(),
        halfRateEnd,
        moderate.path("statistics").path("total_requests").asLong(),
        work);
  }

  private static ObjectNode putProfile(ObjectNode into, String name, JsonNode profile) {
    ObjectNode run = into.putObject(name);
    JsonNode statistics = profile.path("statistics");
    run.put("rate", profile.path("settings").path("rate").asDouble());
    run.put("throughput_rps", statistics.path("throughput_rps").asDouble());
    run.put("p50_ms", statistics.path("latency_ms").path("median").asDouble());
    run.put("p99_ms", statistics.path("latency_ms").path("p99").asDouble());
    run.put("failed", statistics.path("failed").asLong());
    // A profiler that could not keep to its schedule measured its own backlog, not the server.
    run.put("client_saturated", profile.path("schedule").path("client_saturated").asBoolean());
    return run;
  }

  /**
   * Puts the non-LLM overhead of the requests traced between two offsets of the trace file, as
   * {@code trace-report} computes it.
   */
  private static void putOverhead(
      ObjectNode into, Path jar, Path traceFile, long from, long to, Path work) throws Exception {
    Path lines = Files.createTempFile(work, "trace-", ".log");
    copyRange(traceFile, from, to, lines);
    putReport(into, jar, lines);
  }

  /**
   * Puts the non-LLM overhead of the last {@code requests} requests traced after byte {@code from}:
   * those a profile run measured, without its untimed warm-up. Each request writes two lines.
   */
  private static void putOverheadOfLast(
      ObjectNode into, Path jar, Path traceFile, long from, long requests, Path work)
      throws Exception {
    Path run = Files.createTempFile(work, "trace-", ".log");
    copyRange(traceFile, from, settledSize(traceFile), run);
    long lines;
    try (Stream<String> all = Files.lines(run)) {
      lines = all.count();
    }
    Path measured = Files.createTempFile(work, "trace-", ".log");
    try (Stream<String> all = Files.lines(run)) {
      Files.write(measured, all.skip(Math.max(0, lines - 2 * requests)).toList());
    }
    putReport(into, jar, measured);
  }

  private static void putReport(ObjectNode into, Path jar, Path traceLines) throws Exception {
    putReport(into, traceReport(jar, traceLines));
  }

  /** The sends that {@code trace-report}'s JSON counts, and their non-LLM overhead. */
  static void putReport(ObjectNode into, JsonNode report) {
    into.put("traced_sends", report.path("correlation").path("sends").asLong());
    into.put("non_llm_overhead_p50_ms", report.path("non_llm_overhead_ms").path("p50").asDouble());
    into.put("non_llm_overhead_p99_ms", report.path("non_llm_overhead_ms").path("p99").asDouble());
  }

  /**
   * The size of a trace file once the server has stopped appending to it: a run's last lines are
   * written after its last response, and an offset read mid-line would split a line.
   */
  private static long settledSize(Path file) throws IOException, InterruptedException {
    long size = Files.size(file);
    while (true) {
      TimeUnit.MILLISECONDS.sleep(500);
      long now = Files.size(file);
      if (now == size) {
        return size;
      }
      size = now;
    }
  }

  /** Copies bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code source}. */
  private static void copyRange(Path source, long from, long to, Path target) throws IOException {
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
      long position = from;
      while (position < to) {
        position += in.transferTo(position, to - position, out);
      }
    }
  }

  /**
   * Puts the round with the median throughput, the median CPU time per request, every round's
   * throughput and CPU time, and the non-2xx responses of all rounds.
   */
  private static ObjectNode putWrk(ObjectNode into, List<ObjectNode> rounds) {
    List<ObjectNode> byThroughput = new ArrayList<>(rounds);
    byThroughput.sort(Comparator.comparingDouble(round -> round.path("throughput_rps").asDouble()));
    ObjectNode wrk = into.putObject("wrk");
    wrk.setAll(byThroughput.get(byThroughput.size() / 2));
    wrk.remove("requests");
    ArrayNode throughputs = wrk.putArray("rounds_rps");
    List<Double> cpuPerRequest = new ArrayList<>();
    long non2xx = 0;
    for (ObjectNode round : rounds) {
      throughputs.add(round.path("throughput_rps").asDouble());
      cpuPerRequest.add(round.path("cpu_us_per_request").asDouble());
      non2xx += round.path("non_2xx").asLong();
    }
    wrk.put("cpu_us_per_request", median(cpuPerRequest));
    cpuPerRequest.forEach(wrk.putArray("rounds_cpu_us_per_request")::add);
    wrk.put("non_2xx", non2xx);
    return wrk;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    return sorted.get(sorted.size() / 2);
  }

  /**
   * One wrk run: {@code throughput_rps} counts the 2xx answers a second, {@code answered_rps} every
   * answer, and {@code non_2xx} the others (wrk's "Non-2xx or 3xx responses").
   */
  static ObjectNode parseWrk(String output) {
    ObjectNode round = JSON.createObjectNode();
    Matcher requests = REQUESTS.matcher(output);
    if (!requests.find()) {
      throw new IllegalStateException("wrk printed no request count:\n" + output);
    }
    long answered = Long.parseLong(requests.group(1));
    double seconds = millis(requests.group(2), requests.group(3)) / 1000;
    Matcher errors = ERRORS.matcher(output);
    long non2xx = errors.find() ? Long.parseLong(errors.group(1)) : 0;
    round.put("throughput_rps", (answered - non2xx) / seconds);
    round.put("answered_rps", Double.parseDouble(required(RPS, output, "Requests/sec")));
    round.put("requests", answered);
    round.put("non_2xx", non2xx);
    Matcher percentile = PERCENTILE.matcher(output);
    while (percentile.find()) {
      round.put(
          "p" + percentile.group(1) + "_ms", millis(percentile.group(2), percentile.group(3)));
    }
    return round;
  }

  private static String required(Pattern pattern, String output, String what) {
    Matcher matcher = pattern.matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("wrk printed no " + what + ":\n" + output);
    }
    return matcher.group(1);
  }

  private static double millis(String value, String unit) {
    double number = Double.parseDouble(value);
    return switch (unit) {
      case "us" -> number / 1000;
      case "s" -> number * 1000;
      case "m" -> number * 60_000;
      default -> number;
    };
  }

  private static void target(
      ObjectNode targets, String name, double value, String comparison, double limit) {
    ObjectNode node = targets.putObject(name);
    node.put("value", value);
    node.put("target", comparison + " " + limit);
    node.put("met", ">=".equals(comparison) ? value >= limit : value < limit);
  }

  private static String wrk(Settings settings, String url, int seconds, Map<String, String> env)
      throws Exception {
    Map<String, String> scriptEnv = new HashMap<>(env);
    scriptEnv.put("BODY_FILE", settings.body().toAbsolutePath().toString());
    return run(
        List.of(
            "wrk",
            "-t" + WRK_THREADS,
            "-c" + settings.connections(),
            "-d" + seconds + "s",
            "--latency",
            "-s",
            settings.lua().toString(),
            url + "/tasks/send"),
        scriptEnv);
  }

  private static JsonNode profile(Settings settings, String url, double rate, Path output)
      throws Exception {
    run(
        List.of(
            java(),
            "-jar",
            settings.jar().toString(),
            "profile",
            "--url",
            url,
            "--rate",
            String.format(Locale.ROOT, "%.0f", rate),
            "--duration",
            settings.seconds() + "s",
            "--warmup",
            // The profiler's own JVM warms up too: ten seconds' worth of requests at the rate,
            // untimed.
            String.format(Locale.ROOT, "%.0f", Math.max(200, rate * 10)),
            "--concurrency",
            Integer.toString(settings.connections()),
            "--body",
            settings.body().toString(),
            "--output",
            output.toString()),
        Map.of());
    return JSON.readTree(output.toFile());
  }

  private static JsonNode traceReport(Path jar, Path traceFile) throws Exception {
    return JSON.readTree(
        run(
            List.of(java(), "-jar", jar.toString(), "trace-report", "--json", traceFile.toString()),
            Map.of()));
  }

  private static String run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The two servers and the result nodes their figures go to. */
  private record Servers(Server untraced, Server traced, ObjectNode off, ObjectNode on) {}

  private record Settings(
      Path jar, Path body, Path lua, int seconds, int connections, int warmupSeconds) {}

  /** Where a server's trace events go. */
  private enum Tracing {
    OFF,
    STDOUT,
    FILE
  }

  /**
   * The server as a child process, started as a user starts it (no JVM flags); closing it sends
   * SIGTERM and waits. Its stdout, trace events included when they go there, is read and dropped.
   */
  private record Server(Process process, String url, Path traceFile) implements AutoCloseable {

    static Server start(Path jar, Path work, Tracing tracing) throws IOException {
      Path traceFile = work.resolve("trace-" + System.nanoTime() + ".log");
      List<String> command =
          List.of(java(), "-jar", jar.toString(), "serve", "--host", "127.0.0.1", "--port", "0");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("SIMULATED_LLM_LATENCY_MS", "0");
      builder.environment().put("A2A_TRACE_LATENCY", Boolean.toString(tracing != Tracing.OFF));
      if (tracing == Tracing.FILE) {
        builder.environment().put("A2A_TRACE_LOG_FILE", traceFile.toString());
      }
      Process process = builder.start();
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Matcher ready = READY.matcher(line);
        if (ready.find()) {
          Thread drain = new Thread(() -> drain(lines));
          drain.setDaemon(true);
          drain.start();
          return new Server(process, ready.group(1), traceFile);
        }
      }
      throw new IllegalStateException("the server exited before it was ready");
    }

    /** Reads the server's output to its end, so that a full pipe never blocks the server. */
    private static void drain(BufferedReader lines) {
      try {
        while (lines.readLine() != null) {
          // the output is not needed once the server is ready
        }
      } catch (IOException closed) {
        // the server stopped
      }
    }

    /** The CPU time the server has used so far, on all its threads. */
    Duration cpuTime() {
      return process
          .info()
          .totalCpuDuration()
          .orElseThrow(
              () ->
                  new IllegalStateException("this platform does not report a process's CPU time"));
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
