package io.agentmetrics.a2a.profile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The scaffolding {@code profile} and {@code trace-report} share, mixed into each with picocli's
 * {@code @Mixin}: the exit codes, {@code --help}, the command's output streams, usage errors, and
 * writing an output file (parent directories created, a notice on success, an error that says what
 * to check otherwise).
 *
 * <p>Not thread-safe: one instance per command execution, as picocli populates it.
 */
final class CommandSupport {

  /** The run worked. */
  static final int EXIT_OK = 0;

  /** The run produced nothing useful: every request failed, no trace event, or a goal missed. */
  static final int EXIT_FAILED = 1;

  /** Bad options, an unreachable server, or a file that cannot be read or written. */
  static final int EXIT_USAGE = 2;

  @Spec(Spec.Target.MIXEE)
  @Nullable CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  /** Content produced only when it is about to be written. */
  interface Content {
    byte[] bytes() throws IOException;
  }

  PrintWriter out() {
    return commandLine().getOut();
  }

  PrintWriter err() {
    return commandLine().getErr();
  }

  /** Whether the option was given on the command line, rather than left at its default. */
  boolean given(String option) {
    return commandLine().getParseResult().hasMatchedOption(option);
  }

  /** A usage error, which picocli prints with the usage line and turns into {@link #EXIT_USAGE}. */
  ParameterException usage(String message) {
    return new ParameterException(commandLine(), message);
  }

  /**
   * Writes {@code file}, creating its directories, then prints {@code done} and the file to {@code
   * notices}; on failure prints the reason to the error stream.
   *
   * @return whether the file was written
   */
  boolean write(PrintWriter notices, Path file, Content content, String done) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(file, content.bytes());
      notices.println(done + file);
      notices.flush();
      return true;
    } catch (IOException e) {
      PrintWriter err = err();
      err.println(
          "❌ Cannot write " + file + ": " + describe(e) + ". Check that the path is writable.");
      err.flush();
      return false;
    }
  }

  /** An I/O failure in words, e.g. {@code no such file}. */
  static String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    return switch (name) {
      case "NoSuchFileException" -> "no such file";
      case "AccessDeniedException" -> "permission denied";
      case "FileSystemException" -> e.getMessage() == null ? name : e.getMessage();
      default -> e.getMessage() == null ? name : name + ": " + e.getMessage();
    };
  }

  private CommandLine commandLine() {
    CommandSpec commandSpec = spec;
    if (commandSpec == null) {
      throw new IllegalStateException("run the command through picocli's CommandLine");
    }
    return commandSpec.commandLine();
  }
}
