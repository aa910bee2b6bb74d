package io.agentmetrics.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.agentmetrics.agent.testing.ScriptedLlmServer;
import io.agentmetrics.agent.testing.ScriptedLlmServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every HTTP LLM client shares, run against a real local server that replays the
 * provider's wire format: normal and streamed answers, awkward chunking, cut streams, retries,
 * typed errors, time to first token, cancellation and timeouts. Each provider's test extends it.
 */
abstract class HttpLlmClientContractTest {

  static final String SECRET = "sk-test-SECRET-0123456789";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
  static final Duration WAIT = Duration.ofSeconds(20);

  /** Text with one-, two-, three- and four-byte UTF-8 characters, so splits land inside them. */
  static final List<String> PIECES = List.of("Plan: ", "étudier ", "日本語 ", "daily 📚", " done.");

  ScriptedLlmServer server;
  RecordingSleeper sleeper;
  private LlmClient client;

  @BeforeEach
  void startServer() {
    server = ScriptedLlmServer.start();
    sleeper = new RecordingSleeper();
  }

  @AfterEach
  void stopServer() {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  /** A client of the provider under test, pointed at {@code baseUri}. */
  abstract LlmClient newClient(
      URI baseUri, HttpTransportConfig transport, Sleeper sleeper, Clock clock);

  /** A whole answer in the provider's format. */
  abstract String answer(String text, int inputTokens, int outputTokens);

  /** A complete stream of {@code pieces} in the provider's format. */
  abstract String stream(List<String> pieces, int inputTokens, int outputTokens);

  /** One event of a stream that is not its last. */
  abstract String streamEvent(String piece);

  /** An error body in the provider's format. */
  abstract String error(int status, String message);

  /** The setting named when credentials are rejected. */
  abstract String credentialSetting();

  /** The model the client is configured with. */
  abstract String configuredModel();

  LlmClient client() {
    return client(transport().build());
  }

  LlmClient client(HttpTransportConfig transport) {
    client = newClient(server.baseUri(), transport, sleeper, CLOCK);
    return client;
  }

  static HttpTransportConfig.Builder transport() {
    return HttpTransportConfig.builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .retry(
            RetryConfig.builder()
                .maxAttempts(3)
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofSeconds(1))
                .jitter(0)
                .build());
  }

  @Test
  void generateReturnsTextModelProviderAndTokenCounts() {
    server.enqueue(Reply.json(200, answer("A short plan.", 12, 4)));

    LlmResponse response = client().generate(LlmRequest.of("Plan my week"));

    assertThat(response.text()).isEqualTo("A short plan.");
    assertThat(response.provider()).isEqualTo(client.provider());
    assertThat(response.model()).isNotBlank();
    assertThat(response.inputTokens()).isEqualTo(12);
    assertThat(response.outputTokens()).isEqualTo(4);
    assertThat(response.usageReported()).isTrue();
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @ParameterizedTest(name = "chunks of {0} bytes")
  @ValueSource(ints = {1, 2, 3, 5, 7, 13, 4096})
  void streamDeliversPiecesInOrderWhateverTheChunkBoundaries(int chunkSize) throws Exception {
    server.enqueue(Reply.eventStream().chunksOf(stream(PIECES, 9, 5), chunkSize));
    List<String> received = new CopyOnWriteArrayList<>();

    LlmResponse response =
        client().stream(LlmRequest.of("Plan"), received::add)
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(String.join("", received)).isEqualTo(String.join("", PIECES));
    assertThat(received).containsSubsequence(PIECES.get(0), PIECES.get(2), PIECES.get(3));
    assertThat(response.text()).isEqualTo(String.join("", PIECES));
    assertThat(response.inputTokens()).isEqualTo(9);
    assertThat(response.outputTokens()).isEqualTo(5);
    assertThat(response.usageReported()).isTrue();
  }

  @Test
  void streamAnsweredWithOneJsonDocumentIsDeliveredAsOnePiece() throws Exception {
    server.enqueue(Reply.json(200, answer("Whole answer.", 3, 2)));
    List<String> received = new CopyOnWriteArrayList<>();

    LlmResponse response =
        client().stream(LlmRequest.of("Plan"), received::add)
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(received).containsExactly("Whole answer.");
    assertThat(response.outputTokens()).isEqualTo(2);
  }

  @Test
  void streamCutMidwayFailsAsInterruptedAfterDeliveringWhatArrived() {
    String firstTwoEvents = streamEvent(PIECES.get(0)) + streamEvent(PIECES.get(1));
    String halfOfNext = streamEvent(PIECES.get(2)).substring(0, 20);
    server.enqueue(Reply.eventStream().chunk(firstTwoEvents).chunk(halfOfNext).cut());
    List<String> received = new CopyOnWriteArrayList<>();

    CompletableFuture<LlmResponse> future = client().stream(LlmRequest.of("Plan"), received::add);

    Throwable failure = failureOf(future);
    assertThat(failure).isInstanceOf(LlmStreamInterruptedException.class);
    assertThat(failure.getMessage()).contains("incomplete");
    assertThat(received).containsExactly(PIECES.get(0), PIECES.get(1));
  }

  @Test
  void streamClosedCleanlyBeforeItsEndMarkerFailsAsInterrupted() {
    server.enqueue(
        Reply.eventStream().chunk(streamEvent(PIECES.get(0)) + streamEvent(PIECES.get(1))));

    Throwable failure =
        failureOf(client().stream(LlmRequest.of("Plan"), LlmStreamListener.ignoring()));

    assertThat(failure)
        .isInstanceOf(LlmStreamInterruptedException.class)
        .hasMessageContaining("without marking its end");
  }

  @Test
  void rateLimitedCallWaitsForRetryAfterSecondsThenSucceeds() {
    server.enqueue(Reply.json(429, error(429, "Quota exceeded")).header("Retry-After", "2"));
    server.enqueue(Reply.json(200, answer("ok", 1, 1)));

    LlmResponse response = client().generate(LlmRequest.of("Plan"));

    assertThat(response.text()).isEqualTo("ok");
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void rateLimitedStreamWaitsForRetryAfterHttpDateThenStreams() throws Exception {
    server.enqueue(
        Reply.json(429, error(429, "slow down"))
            .header("Retry-After", "Sun, 22 Nov 2026 08:00:03 GMT"));
    server.enqueue(Reply.eventStream().chunk(stream(PIECES, 1, 1)));

    LlmResponse response =
        client().stream(LlmRequest.of("Plan"), LlmStreamListener.ignoring())
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(response.text()).isEqualTo(String.join("", PIECES));
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterLongerThanTheMaximumFailsAtOnceCarryingTheWait() {
    server.enqueue(Reply.json(429, error(429, "daily quota")).header("Retry-After", "3600"));

    LlmRateLimitedException failure =
        catchThrowableOfType(
            LlmRateLimitedException.class, () -> client().generate(LlmRequest.of("Plan")));

    assertThat(failure.retryAfter()).contains(Duration.ofHours(1));
    assertThat(failure.httpStatus()).hasValue(429);
    assertThat(failure.getMessage()).contains("rate limit", "lower the request rate");
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void serverErrorsAreRetriedWithExponentialBackoffUntilAttemptsRunOut() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(Reply.json(503, error(503, "The model is overloaded.")));
    }

    LlmUnavailableException failure =
        catchThrowableOfType(
            LlmUnavailableException.class, () -> client().generate(LlmRequest.of("Plan")));

    assertThat(failure.httpStatus()).hasValue(503);
    assertThat(failure.getMessage()).contains("after 3 attempts", "overloaded");
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(server.requests()).hasSize(3);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {401, 403})
  void rejectedCredentialsFailAtOnceNamingTheSettingButNeverTheKey(int status) {
    server.enqueue(Reply.json(status, error(status, "Invalid key " + SECRET + " provided")));

    LlmAuthenticationException failure =
        catchThrowableOfType(
            LlmAuthenticationException.class, () -> client().generate(LlmRequest.of("Plan")));

    assertThat(failure.getMessage()).contains(credentialSetting()).doesNotContain(SECRET);
    assertThat(failure.httpStatus()).hasValue(status);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void retryLogLinesNeverShowTheKey() {
    server.enqueue(Reply.json(503, error(503, "upstream rejected key " + SECRET)));
    server.enqueue(Reply.json(200, answer("ok", 1, 1)));
    PrintStream original = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      client().generate(LlmRequest.of("Plan"));
    } finally {
      System.setErr(original);
    }

    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("retrying in 100 ms", "upstream rejected key")
        .doesNotContain(SECRET);
  }

  @Test
  void unknownModelFailsNamingTheModelAndTheSetting() {
    server.enqueue(Reply.json(404, error(404, "model not found")));

    LlmUnknownModelException failure =
        catchThrowableOfType(
            LlmUnknownModelException.class, () -> client().generate(LlmRequest.of("Plan")));

    assertThat(failure.getMessage()).contains(configuredModel(), "LLM_MODEL");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void otherClientErrorsAreRejectedWithTheProvidersExplanationAndWhatToCheck() {
    server.enqueue(Reply.json(400, error(400, "temperature is out of range")));

    assertThatThrownBy(() -> client().generate(LlmRequest.of("Plan")))
        .isInstanceOf(LlmRequestRejectedException.class)
        .hasMessageContaining("temperature is out of range")
        .hasMessageContaining(
            "check the request's parameters against the provider's limits (model name, max"
                + " output tokens, temperature, prompt length)");
  }

  @Test
  void slowFirstTokenIsMeasuredAsTimeToFirstToken() throws Exception {
    long scriptedDelayMs = 400;
    server.enqueue(
        Reply.eventStream()
            .pause(Duration.ofMillis(scriptedDelayMs))
            .chunk(streamEvent("first "))
            .pause(Duration.ofMillis(200))
            .chunk(streamEvent("second "))
            .pause(Duration.ofMillis(200))
            .chunk(stream(List.of("last"), 1, 3)));
    AtomicLong firstTokenAt = new AtomicLong();
    LlmClient client = client();

    long start = System.nanoTime();
    LlmResponse response =
        client.stream(
                LlmRequest.of("Plan"), text -> firstTokenAt.compareAndSet(0, System.nanoTime()))
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    long end = System.nanoTime();

    double ttftMs = (firstTokenAt.get() - start) / 1e6;
    double totalMs = (end - start) / 1e6;
    assertThat(response.text()).isEqualTo("first second last");
    assertThat(ttftMs).isGreaterThanOrEqualTo((double) scriptedDelayMs).isLessThan(totalMs);
  }

  @Test
  void cancellingAStreamClosesTheConnection() throws Exception {
    server.enqueue(
        Reply.eventStream()
            .chunk(streamEvent("tick "))
            .repeatUntilDisconnected(streamEvent("tick "), Duration.ofMillis(20)));
    CountDownLatch firstToken = new CountDownLatch(1);

    CompletableFuture<LlmResponse> future =
        client().stream(LlmRequest.of("Plan"), text -> firstToken.countDown());
    assertThat(firstToken.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    future.cancel(true);

    assertThat(server.awaitClientDisconnect(WAIT)).isTrue();
    assertThat(future).isCancelled();
  }

  @Test
  void streamThatFallsSilentFailsWithReadTimeout() {
    server.enqueue(Reply.eventStream().chunk(streamEvent("first ")).stall());

    Throwable failure =
        failureOf(
            client(transport().readTimeout(Duration.ofMillis(300)).build()).stream(
                LlmRequest.of("Plan"), LlmStreamListener.ignoring()));

    assertThat(failure)
        .isInstanceOf(LlmTimeoutException.class)
        .hasMessageContaining("read timeout");
    assertThat(((LlmTimeoutException) failure).timeout()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void slowListenerIsNotMistakenForASilentServer() throws Exception {
    server.enqueue(Reply.eventStream().chunk(stream(PIECES, 1, 1)));
    LlmClient client = client(transport().readTimeout(Duration.ofMillis(200)).build());

    LlmResponse response =
        client.stream(
                LlmRequest.of("Plan"),
                text -> {
                  // The consumer dawdles longer than the read timeout while data is waiting.
                  try {
                    new CountDownLatch(1).await(300, TimeUnit.MILLISECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                })
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(response.text()).isEqualTo(String.join("", PIECES));
  }

  @Test
  void oneClientServesConcurrentStreams() throws Exception {
    int streams = 6;
    for (int i = 0; i < streams; i++) {
      server.enqueue(
          Reply.eventStream().pause(Duration.ofMillis(50)).chunksOf(stream(PIECES, 1, 1), 16));
    }
    LlmClient client = client();

    List<CompletableFuture<LlmResponse>> futures = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      futures.add(client.stream(LlmRequest.of("Plan " + i), LlmStreamListener.ignoring()));
    }

    for (CompletableFuture<LlmResponse> future : futures) {
      assertThat(future.get(WAIT.toSeconds(), TimeUnit.SECONDS).text())
          .isEqualTo(String.join("", PIECES));
    }
    assertThat(server.requests()).hasSize(streams);
  }

  @Test
  void serverThatNeverAnswersFailsWithReadTimeoutOnTheHeaders() {
    server.enqueue(Reply.ok().stall());

    assertThatThrownBy(
            () ->
                client(transport().readTimeout(Duration.ofMillis(300)).build())
                    .generate(LlmRequest.of("Plan")))
        .isInstanceOf(LlmTimeoutException.class)
        .hasMessageContaining("sent no response headers within 300 ms");
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void unreachableServerFailsAsUnavailableAfterRetries() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    client =
        newClient(
            URI.create("http://127.0.0.1:" + closedPort), transport().build(), sleeper, CLOCK);

    assertThatThrownBy(() -> client.generate(LlmRequest.of("Plan")))
        .isInstanceOf(LlmUnavailableException.class)
        .hasMessageContaining("could not reach")
        .hasMessageContaining("after 3 attempts");
    assertThat(sleeper.waits()).hasSize(2);
  }

  @Test
  void interruptingABlockedGenerateCancelsItAndKeepsTheInterruptFlag() throws Exception {
    server.enqueue(Reply.ok().stall());
    LlmClient client = client();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              try {
                client.generate(LlmRequest.of("Plan"));
              } catch (Throwable t) {
                failure.set(t);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
              }
            });
    caller.start();
    server.takeRequest(WAIT);

    caller.interrupt();
    caller.join(WAIT.toMillis());

    assertThat(failure.get()).isInstanceOf(LlmCancelledException.class);
    assertThat(stillInterrupted).isTrue();
  }

  @Test
  void listenerThatThrowsEndsTheStreamWithItsException() {
    server.enqueue(
        Reply.eventStream()
            .chunk(streamEvent("tick "))
            .repeatUntilDisconnected(streamEvent("tick "), Duration.ofMillis(20)));
    IllegalStateException boom = new IllegalStateException("listener failed");

    Throwable failure =
        failureOf(
            client().stream(
                LlmRequest.of("Plan"),
                text -> {
                  throw boom;
                }));

    assertThat(failure).isSameAs(boom);
  }

  @Test
  void streamAfterCloseFailsAsUnavailable() {
    LlmClient closed = client();
    closed.close();

    assertThat(failureOf(closed.stream(LlmRequest.of("Plan"), LlmStreamListener.ignoring())))
        .isInstanceOf(LlmUnavailableException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void generateAfterCloseFailsFastAsUnavailableWithoutSending() {
    server.enqueue(Reply.ok().stall());
    LlmClient closed = client();
    closed.close();

    assertThatThrownBy(() -> closed.generate(LlmRequest.of("Plan")))
        .isInstanceOf(LlmUnavailableException.class)
        .hasMessageContaining("client is closed; create a new one");
    assertThat(server.requests()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void closingTheClientCancelsAGenerateBlockedOnASilentServer(boolean headersSent)
      throws Exception {
    // Before or after the headers: the read timeout is far longer than the test waits.
    server.enqueue(
        headersSent
            ? Reply.ok().header("Content-Type", "application/json").chunk("{").stall()
            : Reply.ok().stall());
    LlmClient client = client(transport().readTimeout(Duration.ofMinutes(10)).build());
    CompletableFuture<LlmResponse> call =
        CompletableFuture.supplyAsync(() -> client.generate(LlmRequest.of("Plan")));
    server.takeRequest(WAIT);

    client.close();

    assertThat(failureOf(call)).isInstanceOf(LlmCancelledException.class);
  }

  @Test
  void closingTheClientCancelsAStreamInFlight() {
    server.enqueue(Reply.eventStream().chunk(streamEvent("first ")).stall());
    LlmClient client = client(transport().readTimeout(Duration.ofMinutes(10)).build());
    CompletableFuture<LlmResponse> call =
        client.stream(LlmRequest.of("Plan"), LlmStreamListener.ignoring());

    client.close();

    assertThat(failureOf(call)).isInstanceOf(LlmCancelledException.class);
  }

  static Throwable failureOf(CompletableFuture<?> future) {
    try {
      future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("the future did not fail as expected", e);
    }
    throw new AssertionError("the future completed normally");
  }
}
