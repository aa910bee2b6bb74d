package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.util.Modules;
import io.agentmetrics.a2a.profile.ProfileCommand;
import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.SimulatedLlmClient;
import io.agentmetrics.agent.llm.SimulatedLlmConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Sustained load at a fixed rate through the project's own profiler: heap after GC and the thread
 * count stay flat, and the task store and context cache stay within their caps. The default run
 * lasts 60 seconds; {@code -Psoak} runs it for 5 minutes ({@code -Dsoak.duration=PT5M}).
 */
class SoakIT {

  private static final Duration DURATION =
      Duration.parse(System.getProperty("soak.duration", "PT60S"));
  private static final int RATE = 50;
  private static final int CONCURRENCY = 8;
  private static final int SAMPLES = 20;
  private static final long TASK_CAP = 500;
  private static final long CONTEXT_CAP = 200;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void heapThreadsAndStoresStayFlatUnderSustainedLoad() throws Exception {
    List<Sample> samples = new ArrayList<>();
    Sample settled;
    StringWriter profileOut = new StringWriter();
    int exit;
    try (A2aServer server =
        A2aServer.start(
            Modules.override(
                    new A2aServerModule(
                        ServerConfig.builder()
                            .port(0)
                            .taskStoreMaxSize(TASK_CAP)
                            .contextStoreMaxSize(CONTEXT_CAP)
                            .build()))
                .with(
                    binder ->
                        binder
                            .bind(LlmClient.class)
                            .toInstance(
                                new SimulatedLlmClient(
                                    SimulatedLlmConfig.builder()
                                        .timeToFirstToken(Duration.ofMillis(5))
                                        .interTokenDelay(Duration.ZERO)
                                        .build()))))) {
      CompletableFuture<Integer> load =
          CompletableFuture.supplyAsync(
              () ->
                  new CommandLine(new ProfileCommand())
                      .setOut(new PrintWriter(profileOut, true))
                      .setErr(new PrintWriter(profileOut, true))
                      .execute(
                          "--url",
                          server.baseUri().toString(),
                          "--rate",
                          Integer.toString(RATE),
                          "--duration",
                          DURATION.toSeconds() + "s",
                          "--concurrency",
                          Integer.toString(CONCURRENCY)));
      long interval = DURATION.toMillis() / SAMPLES;
      while (!load.isDone()) {
        // The soak samples the server at a fixed rate while the load runs: the pause is the
        // sampling interval, not a wait for a condition.
        Thread.sleep(interval);
        samples.add(Sample.take(server.baseUri()));
      }
      exit = load.join();
      settled = Sample.take(server.baseUri());
    }
    writeFigures(samples);

    assertThat(exit).as(profileOut.toString()).isZero();
    assertThat(profileOut.toString()).contains("Failed:               0\n");
    assertThat(samples).hasSizeGreaterThanOrEqualTo(SAMPLES / 2);
    List<Sample> steady = samples.subList(samples.size() / 4, samples.size());
    List<Sample> early = steady.subList(0, steady.size() / 2);
    List<Sample> late = steady.subList(steady.size() / 2, steady.size());
    assertThat(median(late, Sample::heapBytes))
        .as("heap after GC, late vs early median; samples %s", samples)
        .isLessThanOrEqualTo((long) (median(early, Sample::heapBytes) * 1.10));
    assertThat(steady.stream().mapToInt(Sample::threads).max().orElseThrow())
        .as("threads; samples %s", samples)
        .isLessThanOrEqualTo(steady.get(0).threads() + 4);
    // Caffeine evicts right after each write, so a reading can catch the writes still in flight.
    assertThat(samples)
        .allMatch(
            s -> s.tasks() <= TASK_CAP + CONCURRENCY && s.contexts() <= CONTEXT_CAP + CONCURRENCY);
    assertThat(settled.tasks()).as("tasks once the load stopped").isEqualTo(TASK_CAP);
    assertThat(settled.contexts()).as("contexts once the load stopped").isEqualTo(CONTEXT_CAP);
  }

  private static long median(List<Sample> samples, java.util.function.ToLongFunction<Sample> of) {
    return samples.stream()
        .mapToLong(of)
        .sorted()
        .skip(samples.size() / 2)
        .findFirst()
        .orElseThrow();
  }

  private static void writeFigures(List<Sample> samples) throws Exception {
    Files.writeString(Path.of("target", "soak.json"), JSON.writeValueAsString(samples));
  }

  /** One reading: heap used after a full collection, live threads and the store sizes. */
  record Sample(long heapBytes, int threads, long tasks, long contexts) {

    static Sample take(URI server) throws Exception {
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      int threads = ManagementFactory.getThreadMXBean().getThreadCount();
      HttpResponse<String> summary =
          HTTP.send(
              HttpRequest.newBuilder(server.resolve("/metrics/summary")).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode stores = JSON.readTree(summary.body()).path("stores");
      return new Sample(
          heap,
          threads,
          stores.path("tasks").path("tasks").asLong(),
          stores.path("contexts").path("size").asLong());
    }
  }
}
