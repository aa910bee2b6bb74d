package io.agentmetrics.a2a.profile;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code trace-report} subcommand: reads an {@code A2A_TRACE_LATENCY} log (a file, or stdin)
 * and prints per-stage statistics, the non-LLM overhead, the slowest requests and the seed's
 * performance goals. It replaces the seed's {@code grep | jq | awk} pipelines.
 *
 * <p>Exit codes: 0 when trace events were found (goals failing do not change that unless {@code
 * --fail-on-goals} is given), 1 when no trace event was found or a goal failed with {@code
 * --fail-on-goals}, 2 for bad options or a file that cannot be read.
 *
 * <p>Not thread-safe: picocli creates or populates one instance per execution.
 *
 * @since 0.1.0
 */
@Command(
    name = "trace-report",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Summarise A2A_TRACE_LATENCY logs: per-stage latency, slowest requests, performance goals.",
      "Reads server stdout captures or A2A_TRACE_LOG_FILE; other lines are skipped and counted."
    })
public final class TraceReportCommand implements Callable<Integer> {

  @Mixin CommandSupport command = new CommandSupport();

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE|-",
      description = "The trace log; '-' or nothing reads standard input.")
  @Nullable String file;

  @Option(names = "--json", description = "Print the report as JSON instead of text.")
  boolean json;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Also write a self-contained HTML report.")
  @Nullable Path html;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many of the slowest requests to list (default: ${DEFAULT-VALUE}).")
  int top = 10;

  @Option(
      names = "--fail-on-goals",
      description = "Exit with 1 when a stage misses its performance goal (for CI).")
  boolean failOnGoals;

  /** Standard input; replaced in tests. */
  InputStream stdin = System.in;

  /**
   * Creates the command; picocli fills in the options.
   *
   * @since 0.1.0
   */
  public TraceReportCommand() {}

  /**
   * Reads the log and prints the report.
   *
   * @return the exit code
   * @since 0.1.0
   */
  @Override
  public Integer call() {
    PrintWriter out = command.out();
    PrintWriter err = command.err();
    if (top < 0 || top > 1000) {
      throw command.usage("--top must be between 0 and 1000, got " + top);
    }
    String path = requireNonNullElse(file, "-");
    boolean fromStdin = "-".equals(path);
    String source = fromStdin ? "stdin" : path;
    TraceReport report;
    try (Reader reader = open(fromStdin)) {
      report = TraceReport.read(source, reader, top);
    } catch (IOException e) {
      err.println("❌ Cannot read trace log " + source + ": " + CommandSupport.describe(e));
      err.println("   Pass a readable file, or '-' to read standard input.");
      err.flush();
      return CommandSupport.EXIT_USAGE;
    }
    if (!report.hasEvents()) {
      err.printf(
          "❌ No %s or %s events in %s (%d lines read).%n",
          TraceEvent.SEND_EVENT, TraceEvent.AGENT_EVENT, source, report.parse().lines);
      err.println(
          "   Start the server with A2A_TRACE_LATENCY=true and send it some requests"
              + " (e.g. with the profile command).");
      err.flush();
      return CommandSupport.EXIT_FAILED;
    }
    PrintWriter notices = json ? err : out;
    try {
      if (json) {
        out.println(
            ProfileJson.mapper()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(TraceReportJson.toJson(report)));
      } else {
        new TraceReportPrinter(out).print(report);
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("trace report could not be serialised", e);
    }
    out.flush();
    Path htmlFile = html;
    if (htmlFile != null
        && !command.write(
            notices,
            htmlFile,
            () -> TraceHtml.render(report, Instant.now()).getBytes(StandardCharsets.UTF_8),
            "📄 HTML report written to ")) {
      return CommandSupport.EXIT_USAGE;
    }
    return failOnGoals && report.goalsFailed()
        ? CommandSupport.EXIT_FAILED
        : CommandSupport.EXIT_OK;
  }

  private Reader open(boolean fromStdin) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    String path = file;
    if (fromStdin || path == null) {
      // Closing the report's reader must not close the process's standard input.
      return new InputStreamReader(
          new FilterInputStream(stdin) {
            @Override
            public void close() {}
          },
          decoder);
    }
    return new InputStreamReader(Files.newInputStream(Path.of(path)), decoder);
  }
}
