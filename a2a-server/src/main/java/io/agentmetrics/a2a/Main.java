package io.agentmetrics.a2a;

import io.agentmetrics.a2a.profile.ProfileCommand;
import io.agentmetrics.a2a.profile.TraceReportCommand;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code a2a-server} command line. It only parses arguments and runs a subcommand; the
 * subcommands are listed in {@link #SUBCOMMANDS}, the one place to add a new one.
 *
 * @since 0.1.0
 */
@Command(
    name = "a2a-server",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "The agentmetrics A2A v0.3.0 agent server with per-stage latency tracing.")
public final class Main implements Runnable {

  /** The subcommands, in help order. Add new subcommands (profile, trace-report, demo) here. */
  static final List<Function<EnvironmentConfig, Object>> SUBCOMMANDS =
      List.of(
          ServeCommand::new,
          environment -> new ProfileCommand(environment.authToken().orElse(null)),
          environment -> new TraceReportCommand(),
          environment -> new DemoCommand(),
          environment -> new CommandLine.HelpCommand());

  @Spec private CommandSpec spec;

  /** Picocli instantiates this class; use {@link #main} or {@link #commandLine()}. */
  Main() {
    this.spec = CommandSpec.create();
  }

  /**
   * Runs the command line and exits with its status (a running {@code serve} exits on SIGTERM).
   *
   * @param args the arguments
   * @since 0.1.0
   */
  public static void main(String[] args) {
    int status = commandLine().execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * The command line with every subcommand registered and errors printed without stack traces.
   *
   * @return the command line
   * @since 0.1.0
   */
  public static CommandLine commandLine() {
    return commandLine(EnvironmentConfig.system());
  }

  /** The command line whose {@code serve} reads {@code environment}, for tests. */
  static CommandLine commandLine(EnvironmentConfig environment) {
    CommandLine cli = new CommandLine(new Main());
    for (Function<EnvironmentConfig, Object> subcommand : SUBCOMMANDS) {
      cli.addSubcommand(subcommand.apply(environment));
    }
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + e.getMessage());
          return 1;
        });
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: try 'serve' (see --help)");
  }

  /** Reports the version from the jar manifest. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"a2a-server " + (version == null ? "0.1.0-SNAPSHOT" : version)};
    }
  }
}
