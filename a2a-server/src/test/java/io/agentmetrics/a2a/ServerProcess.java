package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.jspecify.annotations.Nullable;

/**
 * The shaded jar's {@code serve} running as a child process on a free loopback port, as a user runs
 * it; its output is read line by line on a background thread.
 */
final class ServerProcess implements AutoCloseable {

  private static final Path JAR = Path.of("target", "a2a-server.jar");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static final Pattern READY = Pattern.compile("A2A server ready at (http://\\S+)");

  final Process process;
  final List<String> lines = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> fresh = new LinkedBlockingQueue<>();
  private final Thread reader;
  private URI url = URI.create("http://unknown/");

  private ServerProcess(Process process) {
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

  /**
   * Starts {@code serve} with {@code env} on top of an environment without A2A or OTel settings.
   */
  static ServerProcess start(Map<String, String> env) throws Exception {
    return start(List.of(), env);
  }

  /** Starts {@code serve} in a JVM with {@code jvmOptions} (such as {@code -Xmx256m}). */
  static ServerProcess start(List<String> jvmOptions, Map<String, String> env) throws Exception {
    ServerProcess server = launch(jvmOptions, env);
    Matcher matcher = READY.matcher(server.awaitLine("A2A server ready at"));
    assertThat(matcher.find()).isTrue();
    server.url = URI.create(matcher.group(1) + "/");
    return server;
  }

  /** Launches {@code serve} without waiting for it to be ready (it may fail to start). */
  static ServerProcess launch(List<String> jvmOptions, Map<String, String> env) throws Exception {
    assertThat(Files.isRegularFile(JAR)).as("run after package: %s", JAR.toAbsolutePath()).isTrue();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString(), "serve", "--host", "127.0.0.1", "--port", "0"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("A2A_") || k.startsWith("OTEL_"));
    builder.environment().putAll(env);
    return new ServerProcess(builder.start());
  }

  /** Posts {@code body} as JSON to {@code /}. */
  HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * An A2A 1.0 request ({@code A2A-Version: 1.0}, JSON): JSON-RPC at {@code /}, HTTP+JSON
   * elsewhere.
   *
   * @param body the body, or {@code null} for none
   */
  HttpResponse<String> v1(String method, String path, @Nullable String body)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(url.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("A2A-Version", "1.0")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code GET /metrics/summary}, read. */
  JsonNode summary() throws IOException, InterruptedException {
    return JSON.readTree(
        HTTP.send(
                HttpRequest.newBuilder(url.resolve("metrics/summary")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  /** The base URL, ending in {@code /}. */
  URI url() {
    return url;
  }

  /**
   * The next line that contains {@code fragment}, within 60 seconds; fails at once when the output
   * has ended without one.
   */
  String awaitLine(String fragment) {
    try {
      return await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .failFast(() -> !reader.isAlive() && fresh.isEmpty())
          .until(() -> nextLineWith(fragment), Objects::nonNull);
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      throw new AssertionError("no line containing '" + fragment + "' in " + lines, e);
    }
  }

  private @Nullable String nextLineWith(String fragment) {
    for (String line = fresh.poll(); line != null; line = fresh.poll()) {
      if (line.contains(fragment)) {
        return line;
      }
    }
    return null;
  }

  /** Waits for the process to exit on its own and returns the exit code, its output all read. */
  int awaitExit() throws InterruptedException {
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
    reader.join(TimeUnit.SECONDS.toMillis(30));
    return process.exitValue();
  }

  /** Sends SIGTERM and returns the exit code, once all output has been read. */
  int terminate() throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
    reader.join(TimeUnit.SECONDS.toMillis(30));
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
