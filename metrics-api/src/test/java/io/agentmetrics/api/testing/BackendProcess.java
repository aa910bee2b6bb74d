package io.agentmetrics.api.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real backend (a Zipkin server, a Prometheus server) run as a child process for an integration
 * test, with its output in a log file that every failure message includes.
 *
 * <p>Not thread-safe: one test owns it; {@link #close()} stops the process and its children.
 */
public final class BackendProcess implements AutoCloseable {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String name;
  private final Process process;
  private final Path log;

  private BackendProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} with {@code env} added to this JVM's environment, then waits until
   * {@code health} answers 200.
   *
   * @param name the backend's name, for messages
   * @param command the program and its arguments
   * @param env extra environment variables
   * @param log where the process's output goes
   * @param health a URL that answers 200 once the backend is ready
   * @param startupTimeout how long to wait for that
   * @return the running backend
   * @throws IOException if the process cannot start
   */
  public static BackendProcess start(
      String name,
      List<String> command,
      Map<String, String> env,
      Path log,
      URI health,
      Duration startupTimeout)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    BackendProcess backend = new BackendProcess(name, builder.start(), log);
    try {
      backend.awaitBody(health, body -> true, startupTimeout);
    } catch (AssertionError | IOException | RuntimeException e) {
      backend.close();
      throw e;
    }
    return backend;
  }

  /**
   * A port nothing listens on right now, for a backend to bind.
   *
   * @return the port
   * @throws IOException if no socket can be opened
   */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  /**
   * Polls {@code GET uri}, with Awaitility, until it answers 200 with a body that {@code ready}
   * accepts.
   *
   * @param uri what to poll
   * @param ready whether the answer is the awaited one
   * @param timeout how long to poll
   * @return the accepted body
   * @throws AssertionError with the last answer and the backend's log, after {@code timeout} or as
   *     soon as the backend exits
   * @throws IOException if the log cannot be read for the message
   */
  public String awaitBody(URI uri, Predicate<String> ready, Duration timeout) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
    AtomicReference<String> last = new AtomicReference<>("no answer");
    try {
      return Awaitility.await(name + " answering " + uri)
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(POLL_INTERVAL)
          .until(() -> answer(request, ready, last), Optional::isPresent)
          .orElseThrow();
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          name
              + " did not answer "
              + uri
              + " as awaited within "
              + timeout
              + "; last answer "
              + last.get()
              + "\n--- "
              + name
              + " log ---\n"
              + Files.readString(log),
          e);
    }
  }

  /** One poll: the accepted body, or empty after recording what came back in {@code last}. */
  private Optional<String> answer(
      HttpRequest request, Predicate<String> ready, AtomicReference<String> last)
      throws IOException, InterruptedException {
    if (!process.isAlive()) {
      throw new AssertionError(
          name + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
    }
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      last.set(response.statusCode() + ": " + response.body());
      if (response.statusCode() == 200 && ready.test(response.body())) {
        return Optional.of(response.body());
      }
    } catch (IOException notListeningYet) {
      last.set(notListeningYet.toString());
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
