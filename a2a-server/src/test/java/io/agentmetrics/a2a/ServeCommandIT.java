package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shaded jar: {@code serve} logs its URL, traces to stdout, and exits 0 on SIGTERM. */
class ServeCommandIT {

  private static final Path JAR = Path.of("target", "a2a-server.jar");
  private static final Pattern READY = Pattern.compile("A2A server ready at (http://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void serveLogsItsUrlTracesRequestsToStdoutAndExitsZeroOnSigterm() throws Exception {
    Running server = start(Map.of("A2A_TRACE_LATENCY", "yes", "SIMULATED_LLM_LATENCY_MS", "0"));
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> status =
        http.send(HttpRequest.newBuilder(server.url).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> send =
        http.send(
            HttpRequest.newBuilder(server.url.resolve("/tasks/send"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(JsonRpcProtocolIT.send("\"cli-1\"", "Hi")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String traceLine = server.awaitLine("tasks_send_latency");
    server.process.destroy();

    assertThat(server.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(server.process.exitValue()).isZero();
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(send.statusCode()).isEqualTo(200);
    JsonNode trace = JSON.readTree(traceLine);
    assertThat(trace.path("request_id").asText()).isEqualTo("cli-1");
    assertThat(trace.path("timings_ms").path("total").isNumber()).isTrue();
    assertThat(server.lines).anyMatch(line -> line.contains("agent_processing_detail"));
  }

  @Test
  void anUnrecognisedTraceFlagWarnsOnceAndTracesNothing() throws Exception {
    Running server = start(Map.of("A2A_TRACE_LATENCY", "maybe", "SIMULATED_LLM_LATENCY_MS", "0"));
    HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(server.url.resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString(JsonRpcProtocolIT.send("2", "Hi")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    server.process.destroy();

    assertThat(server.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    server.drain();
    assertThat(server.process.exitValue()).isZero();
    assertThat(
            server.lines.stream().filter(l -> l.contains("A2A_TRACE_LATENCY has an unrecognised")))
        .hasSize(1);
    assertThat(server.lines).noneMatch(line -> line.contains("tasks_send_latency"));
  }

  private static Running start(Map<String, String> env) throws Exception {
    assertThat(Files.isRegularFile(JAR)).as("run after package: %s", JAR.toAbsolutePath()).isTrue();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java, "-jar", JAR.toString(), "serve", "--host", "127.0.0.1", "--port", "0")
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("A2A_") || k.startsWith("OTEL_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    Running running = new Running(process);
    String ready = running.awaitLine("A2A server ready at");
    Matcher matcher = READY.matcher(ready);
    assertThat(matcher.find()).isTrue();
    running.url = URI.create(matcher.group(1) + "/");
    return running;
  }

  /** A child server whose output is read on a background thread, line by line. */
  private static final class Running {
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();
    final BlockingQueue<String> fresh = new LinkedBlockingQueue<>();
    final Thread reader;
    URI url;

    Running(Process process) {
      this.process = process;
      this.reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    fresh.add(line);
                  }
                } catch (IOException e) {
                  // the process ended
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    String awaitLine(String fragment) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        String line = fresh.poll(1, TimeUnit.SECONDS);
        if (line != null && line.contains(fragment)) {
          return line;
        }
        if (line == null && !process.isAlive()) {
          break;
        }
      }
      throw new AssertionError("no line containing '" + fragment + "' in " + lines);
    }

    void drain() throws InterruptedException {
      reader.join(TimeUnit.SECONDS.toMillis(30));
    }
  }
}
