package io.agentmetrics.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedLlmClientTest {

  private static final SimulatedLlmConfig CONFIG =
      SimulatedLlmConfig.builder()
          .timeToFirstToken(Duration.ofMillis(250))
          .interTokenDelay(Duration.ofMillis(10))
          .build();

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final SimulatedLlmClient client = new SimulatedLlmClient(CONFIG, sleeper);

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void answersWithAStudyPlanForTheQuestionAndSaysItIsSimulated() {
    LlmResponse response = client.generate(LlmRequest.of("How do I learn graph theory?"));

    assertThat(response.text()).startsWith("Study plan for graph theory:");
    assertThat(response.provider()).isEqualTo("simulated");
    assertThat(response.model()).isEqualTo(SimulatedLlmConfig.DEFAULT_MODEL);
    assertThat(response.inputTokens()).isEqualTo(("How do I learn graph theory?".length() + 3) / 4);
    assertThat(response.outputTokens()).isEqualTo(StudyPlanWriter.tokens(response.text()).size());
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void generateWaitsAsLongAsTheWholeStreamWould() {
    LlmResponse response = client.generate(LlmRequest.of("Rust"));

    int tokens = response.outputTokens();
    assertThat(sleeper.waits())
        .containsExactly(
            Duration.ofMillis(250).plus(Duration.ofMillis(10).multipliedBy(tokens - 1)));
  }

  @Test
  void streamWaitsTheTimeToFirstTokenThenTheDelayBetweenTokens() throws Exception {
    List<String> pieces = new CopyOnWriteArrayList<>();

    LlmResponse response =
        client.stream(LlmRequest.of("Rust"), pieces::add).get(20, TimeUnit.SECONDS);

    assertThat(String.join("", pieces)).isEqualTo(response.text());
    assertThat(response.text()).isEqualTo(client.generate(LlmRequest.of("Rust")).text());
    List<Duration> waits = sleeper.waits().subList(0, pieces.size());
    assertThat(waits.get(0)).isEqualTo(Duration.ofMillis(250));
    assertThat(waits.subList(1, waits.size())).containsOnly(Duration.ofMillis(10));
  }

  @Test
  void cancellingAStreamInterruptsItsWaitAndStopsItsTokens() throws Exception {
    CountDownLatch firstToken = new CountDownLatch(1);
    CountDownLatch waitInterrupted = new CountDownLatch(1);
    SimulatedLlmClient blocking =
        new SimulatedLlmClient(
            CONFIG,
            duration -> {
              if (firstToken.getCount() == 0) {
                try {
                  new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                  waitInterrupted.countDown();
                  throw e;
                }
              }
            });
    List<String> pieces = new CopyOnWriteArrayList<>();

    CompletableFuture<LlmResponse> future =
        blocking.stream(
            LlmRequest.of("Rust"),
            text -> {
              pieces.add(text);
              firstToken.countDown();
            });
    assertThat(firstToken.await(20, TimeUnit.SECONDS)).isTrue();
    future.cancel(true);

    assertThat(waitInterrupted.await(20, TimeUnit.SECONDS)).isTrue();
    assertThat(future).isCancelled();
    assertThat(pieces).hasSize(1);
    blocking.close();
  }

  @Test
  void interruptedGenerateIsCancelledAndKeepsTheFlag() {
    SimulatedLlmClient interrupted =
        new SimulatedLlmClient(
            CONFIG,
            duration -> {
              throw new InterruptedException();
            });

    assertThatThrownBy(() -> interrupted.generate(LlmRequest.of("Rust")))
        .isInstanceOf(LlmCancelledException.class);
    assertThat(Thread.interrupted()).isTrue();
    interrupted.close();
  }

  @Test
  void streamingWithGenerateStreamingBlocksUntilTheAnswerIsComplete() {
    List<String> pieces = new CopyOnWriteArrayList<>();

    LlmResponse response = client.generateStreaming(LlmRequest.of("Rust"), pieces::add);

    assertThat(String.join("", pieces)).isEqualTo(response.text());
  }

  @Test
  void generateStreamingEmitsOnTheCallingThreadWithoutAHandOff() {
    Thread caller = Thread.currentThread();
    List<Thread> emitters = new CopyOnWriteArrayList<>();

    client.generateStreaming(LlmRequest.of("Rust"), text -> emitters.add(Thread.currentThread()));

    assertThat(emitters).isNotEmpty().containsOnly(caller);
  }

  @Test
  void failureOfTheListenerFailsTheStream() {
    CompletableFuture<LlmResponse> future =
        client.stream(
            LlmRequest.of("Rust"),
            text -> {
              throw new IllegalStateException("listener broke");
            });

    assertThatThrownBy(() -> future.get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("listener broke");
  }
}
