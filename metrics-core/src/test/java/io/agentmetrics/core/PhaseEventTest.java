package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseEventTest {

  @TempDir Path dir;

  @Test
  void recordingThatEnablesTheEventGetsOneEventPerPhase() throws Exception {
    UUID executionId = UUID.randomUUID();
    Path file = dir.resolve("phases.jfr");
    try (Recording recording = new Recording()) {
      recording.enable(PhaseEvent.NAME).withThreshold(Duration.ZERO);
      recording.start();
      ExecutionTimingCollector collector =
          new ExecutionTimingCollector(
              executionId, "jfr_agent", io.agentmetrics.api.TimeSource.system());
      collector.startPhase("tool_execution").close();
      collector.startParallelTask("fetch").close();
      collector.measure("query", MetricType.DATABASE_QUERY).close();
      collector.startPhase("left_open");
      collector.complete(ExecutionOutcome.succeeded());
      recording.stop();
      recording.dump(file);
    }

    List<RecordedEvent> events =
        RecordingFile.readAllEvents(file).stream()
            .filter(event -> event.getEventType().getName().equals(PhaseEvent.NAME))
            .toList();

    assertThat(events)
        .extracting(event -> event.getString("phaseName"))
        .containsExactlyInAnyOrder("tool_execution", "fetch", "query", "left_open");
    RecordedEvent task =
        events.stream().filter(e -> e.getString("phaseName").equals("fetch")).findFirst().get();
    assertThat(task.getBoolean("parallel")).isTrue();
    assertThat(task.getString("agentName")).isEqualTo("jfr_agent");
    assertThat(task.getString("executionId")).isEqualTo(executionId.toString());
    RecordedEvent query =
        events.stream().filter(e -> e.getString("phaseName").equals("query")).findFirst().get();
    assertThat(query.getString("category")).isEqualTo("database_query");
    assertThat(query.getEndTime()).isAfterOrEqualTo(query.getStartTime());
  }

  @Test
  void eventIsDisabledUnlessARecordingAsksForIt() {
    FlightRecorder.register(PhaseEvent.class);
    EventType type = EventType.getEventType(PhaseEvent.class);

    assertThat(type.getName()).isEqualTo(PhaseEvent.NAME);
    assertThat(type.isEnabled()).isFalse();
    assertThat(PhaseEvent.isTypeEnabled()).isFalse();
  }
}
