package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.a2a.agent.AgentReply;
import io.agentmetrics.a2a.agent.AgentRequest;
import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.agent.TaskProcessor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** An agent that records each turn and holds it until {@link #open()}. */
final class BlockingAgent implements TaskProcessor {

  final List<AgentRequest> requests = new CopyOnWriteArrayList<>();
  final Semaphore started = new Semaphore(0);
  final Semaphore interrupted = new Semaphore(0);
  private final CountDownLatch gate = new CountDownLatch(1);

  @Override
  public AgentReply process(AgentRequest request) throws InterruptedException {
    requests.add(request);
    started.release();
    try {
      gate.await();
    } catch (InterruptedException e) {
      interrupted.release();
      throw e;
    }
    return new AgentReply(
        "answer to " + request.message().texts().get(0),
        new AgentStageTimings(0.01, 0.02, 5, 0.03));
  }

  void awaitStarted(int turns) throws InterruptedException {
    assertThat(started.tryAcquire(turns, 30, TimeUnit.SECONDS))
        .as("%d turns reached the agent", turns)
        .isTrue();
  }

  void open() {
    gate.countDown();
  }
}
