package io.agentmetrics.a2a;

import io.agentmetrics.a2a.agent.AgentReply;
import io.agentmetrics.a2a.agent.AgentRequest;
import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.agent.TaskProcessor;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** An agent that blocks until released, so tests can act while a task is running. */
final class GatedProcessor implements TaskProcessor {

  final CountDownLatch started = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);
  final CountDownLatch interrupted = new CountDownLatch(1);
  final AtomicBoolean finished = new AtomicBoolean();

  @Override
  public AgentReply process(AgentRequest request) throws InterruptedException {
    started.countDown();
    try {
      release.await();
    } catch (InterruptedException e) {
      interrupted.countDown();
      throw e;
    }
    finished.set(true);
    return new AgentReply(
        "answer to " + request.message().texts().get(0),
        new AgentStageTimings(0.01, 0.02, 5, 0.03));
  }

  void awaitStarted() throws InterruptedException {
    if (!started.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the agent never started");
    }
  }
}
