package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace-log recipes of {@code docs/a2a-server.md} (the block after {@code <!-- recipes:
 * trace-log -->}), run as written with bash and jq, which the test skips without.
 */
class TraceRecipesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path PAGE = Path.of("../docs/a2a-server.md");
  private static final String MARKER = "<!-- recipes: trace-log -->";
  private static final String AVERAGE = "Calculate average total time";
  private static final String EXACT_AVERAGE = "Average total time, matching the event exactly";

  @TempDir Path dir;

  @BeforeAll
  static void needsBashAndJq() throws Exception {
    Assumptions.assumeTrue(
        runs("bash", "-c", "jq --version"), "bash and jq are needed to run the recipes");
  }

  @Test
  void theRecipesGiveTheHandWorkedAnswersForTheSendsAlone() throws Exception {
    // telex-mix.log: seven sends with totals 1000, 2000, 1.5, 1.5, 1.5, 3 and 0.5 ms, six agent
    // details, and two tasks/get and one unreadable body that are not sends.
    Path log = fixture("telex-mix.log");

    List<JsonNode> events = jsonStream(run("Extract only latency events", log));
    assertThat(events)
        .extracting(e -> e.path("request_id").asText())
        .containsExactly("send-1", "send-2", "send-3", "send-4", "send-5", "send-6", "send-7");
    // 3008 / 7 = 429.714..., which awk prints to six significant digits.
    assertThat(run(AVERAGE, log)).isEqualTo("429.714\n");
    assertThat(run(EXACT_AVERAGE, log)).isEqualTo("429.714\n");
    assertThat(numbers(run("Find slowest requests", log)))
        .containsExactly(0.5, 1.5, 1.5, 1.5, 3.0, 1000.0, 2000.0);
    assertThat(run("Extract both logs of a specific task", log, "task-456", "task-3").lines())
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("\"task_id\":\"task-3\""));
    // llm: (998.25 + 1998.125 + 2998.25 + 3998 + 2500 + 3) / 6; lookup: 6 x 0.125 / 6.
    JsonNode means = JSON.readTree(run("Mean of each agent stage", log));
    assertThat(means.path("llm").asDouble()).isEqualTo(12495.625 / 6);
    assertThat(means.path("lookup").asDouble()).isEqualTo(0.125);
    // (999 + 1999 + 2999.25 + 3999.25 + 2000 + 3.5) / 6
    assertThat(run("Average time from the hand-off to the task's end", log)).isEqualTo("2000\n");
    assertThat(run("Requests other than sends, per method", log))
        .isEqualTo("      2 tasks/get\n      1 unknown\n");
  }

  @Test
  void theRecipesSeeOnlyTheSendsInTheRealServersLog() throws Exception {
    TraceCapture trace = new TraceCapture();
    try (TestServer server = TestServer.start()) {
      String taskId = server.sendForTaskId("/tasks/send", "s1", "Define work");
      server.post("/", JsonRpcProtocolIT.send("\"s2\"", "Define power"));
      server.post(
          "/tasks/send", JsonRpcProtocolIT.rpc("g1", "tasks/get", "{\"id\":\"" + taskId + "\"}"));
      server.post(
          "/",
          JsonRpcProtocolIT.rpc(
              "g2", "tasks/get", "{\"id\":\"" + taskId + "\",\"historyLength\":1}"));
      server.post("/", JsonRpcProtocolIT.rpc("c1", "tasks/cancel", "{\"id\":\"" + taskId + "\"}"));
      server.post("/tasks/send", "{\"jsonrpc\":\"2.0\",");
      server.post("/tasks/send", JsonRpcProtocolIT.send("\"s3\"", "Define energy"));
    }
    Path log = dir.resolve("server.log");
    Files.write(log, trace.lines());
    List<Double> sendTotals = new ArrayList<>();
    for (String line : trace.lines()) {
      JsonNode event = JSON.readTree(line);
      if (event.path("method").asText().equals("message/send")) {
        sendTotals.add(event.path("timings_ms").path("total").asDouble());
      }
    }
    assertThat(sendTotals).hasSize(3);
    double sendMean = sendTotals.stream().mapToDouble(Double::doubleValue).average().orElseThrow();

    assertThat(jsonStream(run("Extract only latency events", log)))
        .extracting(e -> e.path("request_id").asText())
        .containsExactly("s1", "s2", "s3");
    assertThat(Double.parseDouble(run(AVERAGE, log))).isCloseTo(sendMean, within(sendMean * 1e-5));
    assertThat(numbers(run("Find slowest requests", log)))
        .containsExactlyInAnyOrderElementsOf(sendTotals);
    assertThat(run("Requests other than sends, per method", log))
        .isEqualTo("      1 tasks/cancel\n      2 tasks/get\n      1 unknown\n");
  }

  @Test
  void onlyTheExactRecipeIgnoresAnIdThatNamesTheSendEvent() throws Exception {
    Path log = dir.resolve("forged.log");
    Files.writeString(
        log,
        Files.readString(fixture("telex-mix.log"))
            + "{\"event\":\"jsonrpc_request_latency\",\"request_id\":\"tasks_send_latency\","
            + "\"method\":\"tasks/get\",\"timings_ms\":{\"json_parsing\":0.125,"
            + "\"message_normalization\":0.0,\"agent_processing\":0.0,"
            + "\"response_serialization\":0.25,\"total\":3.0}}\n");

    // (3008 + 3) / 8 = 376.375: grep counts the tasks/get whose id is the event's name.
    assertThat(run(AVERAGE, log)).isEqualTo("376.375\n");
    assertThat(run(EXACT_AVERAGE, log)).isEqualTo("429.714\n");
  }

  /** Runs the recipe under {@code # title} on {@code log} (as {@code app.log}); its stdout. */
  private String run(String title, Path log, String... replacements) throws Exception {
    String command = recipes().get(title);
    assertThat(command).as("recipe '%s' in %s", title, PAGE).isNotNull();
    for (int i = 0; i < replacements.length; i += 2) {
      command = command.replace(replacements[i], replacements[i + 1]);
    }
    Files.copy(log, dir.resolve("app.log"), StandardCopyOption.REPLACE_EXISTING);
    Path out = dir.resolve("out.txt");
    Process process =
        new ProcessBuilder("bash", "-c", command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("recipe '%s' finished", title).isTrue();
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("exit code of '%s': %s", command, output).isZero();
    return output;
  }

  /** Title (the comment line) to command (the line after it) in the page's recipe block. */
  private static Map<String, String> recipes() throws IOException {
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    int marker = page.indexOf(MARKER);
    assertThat(marker).as("%s holds %s", PAGE, MARKER).isNotNegative();
    int start = page.indexOf("```bash\n", marker) + "```bash\n".length();
    String block = page.substring(start, page.indexOf("```", start));
    Map<String, String> recipes = new LinkedHashMap<>();
    String title = null;
    for (String line : block.lines().toList()) {
      if (line.startsWith("# ")) {
        title = line.substring(2).replaceAll(" \\(.*\\)$", "");
      } else if (!line.isBlank() && title != null) {
        recipes.put(title, line);
        title = null;
      }
    }
    return recipes;
  }

  private static List<JsonNode> jsonStream(String text) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    JSON.readerFor(JsonNode.class).<JsonNode>readValues(text).forEachRemaining(nodes::add);
    return nodes;
  }

  private static List<Double> numbers(String text) {
    return text.lines().map(Double::parseDouble).toList();
  }

  private static Path fixture(String name) throws Exception {
    return Path.of(TraceRecipesIT.class.getResource("/trace-logs/" + name).toURI());
  }

  private static boolean runs(String... command) throws InterruptedException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
