package io.agentmetrics.a2a.store.postgres;

import io.agentmetrics.api.testing.BackendProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL server for the tests, from the Debian package {@code postgresql}: a cluster
 * created by {@code initdb} in a temporary directory and run by {@code pg_ctl} on a free loopback
 * port, trusting local connections. PostgreSQL refuses to run as root, so under root the commands
 * run as the {@code postgres} user the package creates (through {@code runuser}).
 *
 * <p>{@link #shared()} starts one server per test JVM and stops it when the JVM exits. {@link
 * #stop()} and {@link #start()} take it down and bring it back on the same port and data, for the
 * tests of an unavailable database.
 */
public final class LocalPostgres implements AutoCloseable {

  public static final String USER = "agent";
  private static final String[] BIN_DIRS = {
    "/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"
  };
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
  private static @Nullable LocalPostgres shared;

  private final Path binaries;
  private final Path directory;
  private final int port;
  private final boolean asRoot;

  private LocalPostgres(Path binaries, Path directory, int port, boolean asRoot) {
    this.binaries = binaries;
    this.directory = directory;
    this.port = port;
    this.asRoot = asRoot;
  }

  /**
   * Where {@code initdb} and {@code pg_ctl} are, or why the tests cannot run: without the package,
   * or as root without a {@code postgres} user.
   */
  static Optional<Path> binaries() {
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
      candidates.add(Path.of(dir));
    }
    Stream.of(BIN_DIRS).map(Path::of).forEach(candidates::add);
    return candidates.stream()
        .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
        .filter(dir -> Files.isExecutable(dir.resolve("pg_ctl")))
        .findFirst()
        .map(LocalPostgres::realDirectory);
  }

  /** Why the harness cannot run here, or empty if it can. */
  public static Optional<String> unavailableReason() {
    if (binaries().isEmpty()) {
      return Optional.of(
          "PostgreSQL is not installed (no initdb/pg_ctl on PATH or under /usr/lib/postgresql);"
              + " apt-get install postgresql, as .ci/run does, to run the PostgreSQL store tests");
    }
    if (isRoot()
        && !Files.isExecutable(Path.of("/usr/sbin/runuser"))
        && !Files.isExecutable(Path.of("/sbin/runuser"))) {
      return Optional.of("running as root without runuser, and PostgreSQL refuses to run as root");
    }
    return Optional.empty();
  }

  /** The server of this JVM, started on first use. */
  static synchronized LocalPostgres shared() throws IOException, InterruptedException {
    if (shared == null) {
      LocalPostgres server = create();
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "local-postgres-stop"));
      shared = server;
    }
    return shared;
  }

  /** A server of its own, started; {@link #close()} stops it and deletes its data. */
  public static LocalPostgres startNew() throws IOException, InterruptedException {
    LocalPostgres server = create();
    server.start();
    return server;
  }

  private static LocalPostgres create() throws IOException, InterruptedException {
    Path binaries =
        binaries().orElseThrow(() -> new IllegalStateException(unavailableReason().orElse("")));
    boolean asRoot = isRoot();
    Path directory = Files.createTempDirectory("agentmetrics-pg");
    LocalPostgres server =
        new LocalPostgres(binaries, directory, BackendProcess.freePort(), asRoot);
    if (asRoot) {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
      server.run(List.of("chown", "postgres:", directory.toString()), false);
    }
    server.run(
        List.of(
            binaries.resolve("initdb").toString(),
            "-D",
            server.data().toString(),
            "-U",
            USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync"),
        true);
    return server;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public DatabaseSettings settings() {
    return DatabaseSettings.of(jdbcUrl(), USER, "");
  }

  /** Starts the server and waits until it accepts connections. */
  public void start() throws IOException, InterruptedException {
    run(
        List.of(
            binaries.resolve("pg_ctl").toString(),
            "-D",
            data().toString(),
            "-l",
            directory.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-p "
                + port
                + " -k "
                + directory
                + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c max_connections=200",
            "start"),
        true);
  }

  /**
   * Ends every connection that listens for notifications ({@code LISTEN}), as a network fault or an
   * administrator would, and waits until each is gone.
   *
   * @return how many there were
   */
  public int terminateListeners() throws SQLException {
    DatabaseSettings settings = settings();
    try (Connection connection =
            DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        Statement statement = connection.createStatement();
        ResultSet ended =
            statement.executeQuery(
                "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
                    + " WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid()")) {
      int count = 0;
      while (ended.next()) {
        count++;
      }
      return count;
    }
  }

  /** Stops the server at once, dropping its connections. */
  public void stop() throws IOException, InterruptedException {
    run(
        List.of(
            binaries.resolve("pg_ctl").toString(),
            "-D",
            data().toString(),
            "-m",
            "immediate",
            "-w",
            "stop"),
        true);
  }

  @Override
  public void close() {
    stopQuietly();
  }

  private void stopQuietly() {
    try {
      stop();
      deleteDirectory();
    } catch (IOException | RuntimeException e) {
      // Already stopped, or the JVM is going down: nothing left to do.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deleteDirectory() throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private Path data() {
    return directory.resolve("data");
  }

  private void run(List<String> command, boolean asPostgres)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asRoot && asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Path log = directory.resolve("commands.log");
    Process process =
        new ProcessBuilder(full)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish; see " + log);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command)
              + " failed with exit code "
              + process.exitValue()
              + ":\n"
              + Files.readString(log));
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static Path realDirectory(Path dir) {
    try {
      return dir.resolve("initdb").toRealPath().getParent();
    } catch (IOException e) {
      return dir;
    }
  }
}
