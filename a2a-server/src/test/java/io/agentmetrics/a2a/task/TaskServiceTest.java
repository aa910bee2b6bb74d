package io.agentmetrics.a2a.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.a2a.agent.AgentReply;
import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.dto.JsonMappers;
import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.TaskState;
import io.agentmetrics.a2a.telex.NormalizedMessage;
import io.agentmetrics.api.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TaskServiceTest {

  private final AtomicLong nanos = new AtomicLong();
  private final TimeSource clock =
      new TimeSource() {
        @Override
        public long nanoTime() {
          return nanos.get();
        }

        @Override
        public Instant now() {
          return Instant.EPOCH.plusNanos(nanos.get());
        }
      };
  private final CountDownLatch firstStarted = new CountDownLatch(1);
  private final CountDownLatch releaseFirst = new CountDownLatch(1);

  @Test
  void aTurnThatWaitsForAnAgentThreadRecordsTheWaitAsQueueWait() throws Exception {
    try (TaskService tasks = service()) {
      TaskRun first = tasks.send(message("first"), normalized("first"), null, null);
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
      TaskRun second = tasks.send(message("second"), normalized("second"), null, null);

      nanos.addAndGet(Duration.ofMillis(50).toNanos());
      releaseFirst.countDown();

      RunResult firstResult = first.completion().get(30, TimeUnit.SECONDS);
      RunResult secondResult = second.completion().get(30, TimeUnit.SECONDS);
      assertThat(firstResult.queueWaitMs()).isZero();
      assertThat(secondResult.queueWaitMs()).isEqualTo(50.0);
      assertThat(secondResult.task().status().state()).isEqualTo(TaskState.COMPLETED);
      assertThat(secondResult.agentStages()).isPresent();
    }
  }

  @Test
  void aFullAgentQueueRefusesNewTurnsAndForgetsTheRefusedTask() throws Exception {
    try (TaskService tasks = service()) {
      tasks.send(message("running"), normalized("running"), null, null);
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
      tasks.send(message("queued"), normalized("queued"), null, null);

      assertThatThrownBy(() -> tasks.send(message("refused"), normalized("refused"), null, null))
          .isInstanceOf(TaskException.class)
          .satisfies(
              e ->
                  assertThat(((TaskException) e).reason())
                      .isEqualTo(TaskException.Reason.OVERLOADED));
      assertThat(tasks.storeStats().tasks()).isEqualTo(2);
      releaseFirst.countDown();
    }
  }

  private TaskService service() {
    return new TaskService(
        new TaskSettings(
            100,
            Duration.ofMinutes(5),
            1,
            1,
            List.of(),
            Duration.ofSeconds(1),
            1,
            Duration.ofMillis(10)),
        request -> {
          if (request.message().query().equals("first")
              || request.message().query().equals("running")) {
            firstStarted.countDown();
            releaseFirst.await();
          }
          return new AgentReply("ok", new AgentStageTimings(0, 0, 0, 0));
        },
        JsonMappers.create(16, 1000),
        clock);
  }

  private static Message message(String text) {
    return new Message("user", List.of(Part.text(text)), "m-" + text, null, null, null, null, null);
  }

  private static NormalizedMessage normalized(String text) {
    return new NormalizedMessage(text, List.of());
  }
}
