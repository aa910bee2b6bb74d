package io.agentmetrics.a2a.agent;

import io.agentmetrics.a2a.dto.Artifact;
import io.agentmetrics.a2a.dto.FileContent;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.RawJson;
import io.agentmetrics.a2a.dto.TaskState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The agent the official A2A TCK expects behind a server under test: it answers by the scenario its
 * message id names ({@code tck-<scenario>-<run>}), as the TCK's {@code scenarios/*.feature} files
 * describe. {@code tck-input-required} leaves the task waiting for input, {@code tck-reject-task}
 * rejects it, {@code tck-message-response} answers with a message only, the {@code tck-artifact-*}
 * scenarios produce a text, file, file-URL or data artifact, and the streaming scenarios stream an
 * artifact before completing; any other message completes the task with an echo. Selected with
 * {@code A2A_AGENT=conformance}; it calls no model.
 *
 * <p>Thread-safe and stateless.
 *
 * @since 0.1.0
 */
public final class ConformanceAgent implements TaskProcessor {

  /** The label of this agent on the card and status page. */
  public static final String LABEL = "conformance (A2A TCK scenarios)";

  private static final AgentStageTimings NO_STAGES = new AgentStageTimings(0, 0, 0, 0);
  private static final String FILE_NAME = "output.txt";
  private static final String TEXT_PLAIN = "text/plain";

  /** Scenario prefixes, longest first where one prefix extends another. */
  private static final List<Map.Entry<String, Scenario>> SCENARIOS =
      List.of(
          Map.entry("tck-complete-task", r -> completed("Hello from TCK")),
          Map.entry("tck-artifact-text", r -> completed("Done", text("Generated text content"))),
          Map.entry(
              "tck-artifact-file-url",
              r ->
                  completed(
                      "Done",
                      file(
                          new FileContent(
                              FILE_NAME, TEXT_PLAIN, null, "https://example.com/output.txt")))),
          Map.entry(
              "tck-artifact-file", r -> completed("Done", inlineFile("Generated file content"))),
          Map.entry("tck-artifact-data", r -> completed("Done", data())),
          Map.entry(
              "tck-message-response",
              r ->
                  new AgentReply(
                      "Direct message response", NO_STAGES, TaskState.COMPLETED, List.of(), true)),
          Map.entry(
              "tck-input-required",
              r ->
                  new AgentReply(
                      "Please provide more input",
                      NO_STAGES,
                      TaskState.INPUT_REQUIRED,
                      List.of(),
                      false)),
          Map.entry(
              "tck-reject-task",
              r -> new AgentReply("rejected", NO_STAGES, TaskState.REJECTED, List.of(), false)),
          Map.entry("tck-stream-001", r -> completed("Done", text("Stream hello from TCK"))),
          Map.entry("tck-stream-002", r -> completed("Done")),
          Map.entry("tck-stream-003", r -> completed("Done", text("Stream task lifecycle"))),
          Map.entry("tck-stream-ordering-001", r -> completed("Done", text("Ordered output"))),
          Map.entry(
              "tck-stream-artifact-text", r -> completed("Done", text("Streamed text content"))),
          Map.entry(
              "tck-stream-artifact-file", r -> completed("Done", inlineFile("Streamed file"))));

  @Override
  public AgentReply process(AgentRequest request) {
    for (Map.Entry<String, Scenario> scenario : SCENARIOS) {
      if (request.messageId().startsWith(scenario.getKey())) {
        return scenario.getValue().reply(request);
      }
    }
    List<String> texts = request.message().texts();
    List<String> conversation = request.message().conversation();
    return completed(
        "Echo: " + (texts.isEmpty() ? conversation.get(conversation.size() - 1) : texts.get(0)));
  }

  private static AgentReply completed(String text, Artifact... artifacts) {
    return new AgentReply(text, NO_STAGES, TaskState.COMPLETED, List.of(artifacts), false);
  }

  private static Artifact text(String text) {
    return new Artifact(UUID.randomUUID().toString(), "text", List.of(Part.text(text)));
  }

  private static Artifact file(FileContent file) {
    return new Artifact(
        UUID.randomUUID().toString(), "file", List.of(new Part(Part.FILE, null, null, file, null)));
  }

  private static Artifact inlineFile(String content) {
    return file(
        new FileContent(
            FILE_NAME,
            TEXT_PLAIN,
            Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)),
            null));
  }

  private static Artifact data() {
    RawJson data = new RawJson("{\"key\":\"value\",\"count\":42}");
    return new Artifact(
        UUID.randomUUID().toString(), "data", List.of(new Part(Part.DATA, null, data, null, null)));
  }

  /** One scenario's reply. */
  @FunctionalInterface
  private interface Scenario {
    AgentReply reply(AgentRequest request);
  }
}
