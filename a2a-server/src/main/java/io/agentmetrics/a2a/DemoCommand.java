package io.agentmetrics.a2a;

import com.google.inject.util.Modules;
import io.agentmetrics.a2a.profile.ProfileCommand;
import io.agentmetrics.a2a.profile.TraceReportCommand;
import io.agentmetrics.a2a.trace.TraceLogAppender;
import io.agentmetrics.a2a.trace.TraceSettings;
import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.SimulatedLlmClient;
import io.agentmetrics.agent.llm.SimulatedLlmConfig;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the seed's profiling workflow in one command, offline. It starts the server
 * in-process on a free loopback port with the simulated model, warms it up untraced, turns latency
 * tracing on into a temporary file, loads the server with {@code profile}, then reads the trace
 * file with {@code trace-report}, whose last line is the one-paragraph reading.
 *
 * <p>The warm-up keeps class loading and JIT compilation out of the traced numbers, as a
 * long-running server would; without it the first requests fail the seed's per-stage goals on a
 * cold JVM.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Start the server in-process with the simulated model, profile it, and report the"
            + " per-stage timings. Needs no network and no API key.")
final class DemoCommand implements Callable<Integer> {

  @Spec private @Nullable CommandSpec spec;

  @Option(
      names = "--requests",
      defaultValue = "100",
      description = "Measured requests (default ${DEFAULT-VALUE}).")
  private int requests;

  @Option(
      names = "--concurrency",
      defaultValue = "4",
      description = "Requests in flight at once (default ${DEFAULT-VALUE}).")
  private int concurrency;

  @Option(
      names = "--warmup",
      defaultValue = "40",
      description = "Untraced warm-up requests before measuring (default ${DEFAULT-VALUE}).")
  private int warmup;

  @Option(
      names = "--ttft-ms",
      defaultValue = "300",
      description = "Simulated time to first token in ms (default ${DEFAULT-VALUE}).")
  private long ttftMs;

  @Option(
      names = "--inter-token-ms",
      defaultValue = "2",
      description = "Simulated delay between tokens in ms (default ${DEFAULT-VALUE}).")
  private long interTokenMs;

  @Option(
      names = "--html",
      defaultValue = "agentmetrics-demo-report.html",
      description = "Where to write the HTML report (default ${DEFAULT-VALUE}).")
  private Path html = Path.of("agentmetrics-demo-report.html");

  @Override
  public Integer call() throws Exception {
    CommandLine commandLine = commandLine();
    if (requests < 1 || concurrency < 1 || warmup < 0 || ttftMs < 0 || interTokenMs < 0) {
      throw new CommandLine.ParameterException(
          commandLine,
          "--requests and --concurrency must be at least 1; --warmup, --ttft-ms and"
              + " --inter-token-ms must not be negative");
    }
    PrintWriter out = commandLine.getOut();
    PrintWriter err = commandLine.getErr();
    Path traceFile = Files.createTempFile("agentmetrics-demo-trace-", ".log");
    TraceSettings trace = new TraceSettings(true, 1.0, traceFile);
    TraceLogAppender.install(new TraceSettings(false, 1.0, null));
    ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0).trace(trace).build();

    int profileStatus;
    try (A2aServer server =
        A2aServer.start(
            Modules.override(new A2aServerModule(config))
                .with(binder -> binder.bind(LlmClient.class).toInstance(simulatedLlm())))) {
      String url = server.baseUri().toString();
      out.printf(
          "agentmetrics demo: server at %s, simulated LLM (first token %d ms, %d ms per token)%n",
          url, ttftMs, interTokenMs);
      if (warmup > 0) {
        out.printf("Warming up with %d untraced requests...%n", warmup);
        out.flush();
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        subcommand(new ProfileCommand(), discard, err)
            .execute(
                "--url", url,
                "--requests", Integer.toString(warmup),
                "--concurrency", Integer.toString(concurrency));
      }
      TraceLogAppender.install(trace);
      out.printf("Tracing to %s%n%n", traceFile);
      out.flush();
      profileStatus =
          subcommand(new ProfileCommand(), out, err)
              .execute(
                  "--url", url,
                  "--requests", Integer.toString(requests),
                  "--concurrency", Integer.toString(concurrency),
                  "--html", html.toAbsolutePath().toString());
    }
    // The trace appender writes from its own thread; its queued lines must be in the file first.
    TraceLogAppender.uninstall();
    if (profileStatus != 0) {
      return profileStatus;
    }
    out.printf("%nPer-stage trace report (%s)%n%n", traceFile);
    out.flush();
    int reportStatus = subcommand(new TraceReportCommand(), out, err).execute(traceFile.toString());
    out.printf("%nOpen the HTML report: %s%n", html.toAbsolutePath().toUri());
    out.flush();
    return reportStatus;
  }

  private SimulatedLlmClient simulatedLlm() {
    return new SimulatedLlmClient(
        SimulatedLlmConfig.builder()
            .timeToFirstToken(Duration.ofMillis(ttftMs))
            .interTokenDelay(Duration.ofMillis(interTokenMs))
            .build());
  }

  private static CommandLine subcommand(Object command, PrintWriter out, PrintWriter err) {
    return new CommandLine(command).setOut(out).setErr(err);
  }

  private CommandLine commandLine() {
    CommandSpec commandSpec = spec;
    if (commandSpec == null) {
      throw new IllegalStateException("run the command through picocli's CommandLine");
    }
    return commandSpec.commandLine();
  }
}
