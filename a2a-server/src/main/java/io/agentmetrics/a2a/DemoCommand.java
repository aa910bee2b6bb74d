package io.agentmetrics.a2a;

import io.agentmetrics.a2a.profile.ProfileCommand;
import io.agentmetrics.a2a.profile.TraceReportCommand;
import io.agentmetrics.a2a.trace.TraceLogAppender;
import io.agentmetrics.a2a.trace.TraceSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the seed's profiling workflow in one command, offline. It starts the server
 * in-process on a free loopback port with latency tracing into a temporary file and the simulated
 * model, loads it with {@code profile}, then reads the trace file with {@code trace-report}, whose
 * last line is the one-paragraph reading, and writes an HTML report.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Start the server in-process with the simulated model, profile it, and report the"
            + " per-stage timings. Needs no network and no API key.")
final class DemoCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--requests",
      defaultValue = "100",
      description = "Requests to send (default ${DEFAULT-VALUE}).")
  private int requests;

  @Option(
      names = "--concurrency",
      defaultValue = "4",
      description = "Requests in flight at once (default ${DEFAULT-VALUE}).")
  private int concurrency;

  @Option(
      names = "--latency-ms",
      defaultValue = "300",
      description = "Simulated LLM latency per answer in ms (default ${DEFAULT-VALUE}).")
  private long latencyMs;

  @Option(
      names = "--html",
      defaultValue = "agentmetrics-demo-report.html",
      description = "Where to write the HTML report (default ${DEFAULT-VALUE}).")
  private Path html;

  @Override
  public Integer call() throws Exception {
    if (requests < 1 || concurrency < 1 || latencyMs < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--requests and --concurrency must be at least 1 and --latency-ms at least 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path traceFile = Files.createTempFile("agentmetrics-demo-trace-", ".log");
    Duration latency = Duration.ofMillis(latencyMs);
    TraceSettings trace = new TraceSettings(true, 1.0, traceFile);
    TraceLogAppender.install(trace);
    ServerConfig config =
        ServerConfig.builder().host("127.0.0.1").port(0).simulatedLlmLatency(latency).build();

    int profileStatus;
    try (A2aServer server =
        A2aServer.builder(config).trace(trace).llm(A2aServer.simulatedLlm(latency)).start()) {
      out.printf(
          "agentmetrics demo: server at %s, simulated LLM %d ms, tracing to %s%n%n",
          server.baseUri(), latencyMs, traceFile);
      out.flush();
      profileStatus =
          subcommand(new ProfileCommand(), out, err)
              .execute(
                  "--url", server.baseUri().toString(),
                  "--requests", Integer.toString(requests),
                  "--concurrency", Integer.toString(concurrency),
                  "--html", html.toString());
    }
    if (profileStatus != 0) {
      return profileStatus;
    }
    out.printf("%nPer-stage trace report (%s)%n%n", traceFile);
    out.flush();
    int reportStatus = subcommand(new TraceReportCommand(), out, err).execute(traceFile.toString());
    out.printf("%nHTML report: %s%n", html.toAbsolutePath());
    out.flush();
    return reportStatus;
  }

  private static CommandLine subcommand(Object command, PrintWriter out, PrintWriter err) {
    return new CommandLine(command).setOut(out).setErr(err);
  }
}
