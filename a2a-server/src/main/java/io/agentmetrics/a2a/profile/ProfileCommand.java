package io.agentmetrics.a2a.profile;

import io.agentmetrics.a2a.v1.ProtocolVersion;
import io.agentmetrics.agent.concurrent.DaemonThreadFactory;
import java.io.Console;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code profile} subcommand: sends JSON-RPC requests to an A2A server's {@code /tasks/send}
 * endpoint and prints the seed's PROFILING RESULTS block, with latencies from HdrHistogram.
 *
 * <p>Without {@code --rate} it is a closed loop of {@code --concurrency} clients. With {@code
 * --rate} it is an open loop with intended start times, and latencies are corrected for coordinated
 * omission as in wrk2. Output goes to the writers of the {@code CommandLine} that runs it ({@code
 * setOut}/{@code setErr}), so it can be captured.
 *
 * <p>Exit codes: 0 when at least one request succeeded, 1 when every request failed, 2 for bad
 * options, an unusable {@code --body} file, an unwritable output file, or an unreachable server.
 *
 * <p>Not thread-safe: picocli creates or populates one instance per execution.
 *
 * @since 0.1.0
 */
@Command(
    name = "profile",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Load the A2A server's /tasks/send endpoint and report latency statistics.",
      "Closed loop by default; --rate gives an open loop corrected for coordinated omission."
    })
public final class ProfileCommand implements Callable<Integer> {

  @Mixin CommandSupport command = new CommandSupport();

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "http://localhost:5000",
      description = "Base URL of the server (default: ${DEFAULT-VALUE}).")
  String url = "http://localhost:5000";

  @Option(
      names = "--path",
      paramLabel = "PATH",
      defaultValue = "/tasks/send",
      description = "Path the JSON-RPC requests are posted to (default: ${DEFAULT-VALUE}).")
  String path = "/tasks/send";

  @Option(
      names = "--requests",
      paramLabel = "N",
      defaultValue = "10",
      description = "Number of measured requests (default: ${DEFAULT-VALUE}).")
  int requests = 10;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Run for this long instead of a number of requests, e.g. 30s or 2m.")
  @Nullable Duration duration;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "1",
      description = "Client threads, each with at most one request in flight (default: 1).")
  int concurrency = 1;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      defaultValue = "0",
      description = "Unmeasured requests sent first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--rate",
      paramLabel = "PER_SECOND",
      description =
          "Fixed arrival rate in requests/s (open loop, corrected for coordinated omission).")
  @Nullable Double rate;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
  Duration timeout = Duration.ofSeconds(30);

  @Option(
      names = "--body",
      paramLabel = "FILE",
      description = "JSON-RPC request to send instead of the Telex-shaped message/send.")
  @Nullable Path body;

  @Option(
      names = "--stream",
      description = "Use message/stream and report the time to the first SSE event (TTFT).")
  boolean stream;

  @Option(
      names = "--protocol",
      paramLabel = "VERSION",
      defaultValue = "0.3",
      description =
          "A2A version to speak: 0.3 (message/send) or 1.0 (SendMessage, with A2A-Version: 1.0)"
              + " (default: ${DEFAULT-VALUE}).")
  String protocol = "0.3";

  @Option(
      names = "--auth-token",
      paramLabel = "TOKEN",
      description = "Bearer token for the server (default: $A2A_AUTH_TOKEN).")
  @Nullable String authToken;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write settings, statistics, samples and histograms as JSON.")
  @Nullable Path output;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Write a self-contained HTML report.")
  @Nullable Path html;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      defaultValue = "auto",
      converter = ProgressMode.Converter.class,
      description = "auto, bar, lines or none (default: ${DEFAULT-VALUE}).")
  ProgressMode progress = ProgressMode.AUTO;

  /** Whether stdout is a terminal; replaced in tests. */
  BooleanSupplier terminal = ProfileCommand::onTerminal;

  /** The clock the run is scheduled and measured with; replaced in tests. */
  NanoClock clock = NanoClock.SYSTEM;

  /**
   * Creates the command without a token unless {@code --auth-token} gives one; picocli fills in the
   * options.
   *
   * @since 0.1.0
   */
  public ProfileCommand() {
    this(null);
  }

  /**
   * Creates the command that sends {@code defaultToken} unless {@code --auth-token} gives another;
   * {@code a2a-server profile} passes the {@code A2A_AUTH_TOKEN} its environment reader read.
   *
   * @param defaultToken the bearer token, or {@code null} for none
   * @since 0.1.0
   */
  public ProfileCommand(@Nullable String defaultToken) {
    // picocli keeps a field's initial value as the option's default.
    this.authToken = defaultToken;
  }

  /**
   * Runs the profile.
   *
   * @return the exit code
   * @since 0.1.0
   */
  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = command.out();
    PrintWriter err = command.err();
    ProfileSettings settings = settings();
    ExecutorService clientThreads =
        Executors.newFixedThreadPool(
            settings.concurrency(), new DaemonThreadFactory("profile-client"));
    ExecutorService httpThreads =
        Executors.newFixedThreadPool(
            Math.max(2, settings.concurrency()), new DaemonThreadFactory("profile-http"));
    ScheduledExecutorService watchdog =
        Executors.newSingleThreadScheduledExecutor(new DaemonThreadFactory("profile-timeout"));
    try {
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(settings.timeout())
              .executor(httpThreads)
              .build();
      RequestFactory factory;
      try {
        factory = requestFactory(settings, client);
      } catch (RequestFactory.InvalidBodyException e) {
        err.println("❌ " + e.getMessage());
        err.flush();
        return CommandSupport.EXIT_USAGE;
      }
      printStart(out, settings);
      RequestSender sender =
          new RequestSender(
              client, ProfileJson.mapper(), settings.stream(), clock, watchdog, settings.timeout());
      Transport<HttpRequest> transport =
          new Transport<>() {
            @Override
            public HttpRequest prepare(long index) {
              return factory.create(index);
            }

            @Override
            public Outcome send(HttpRequest request) {
              return sender.send(request);
            }
          };
      RunResult result =
          new LoadRun<>(settings, transport, clock, clientThreads, listener(out, settings)).run();
      if (result.unreachable()) {
        printUnreachable(err, settings);
        return CommandSupport.EXIT_USAGE;
      }
      List<StageSummary> stages =
          new ServerBreakdownClient(client, ProfileJson.mapper()).fetch(settings.url(), token());
      new ResultsPrinter(out).print(result, stages);
      if (!writeFiles(out, result, stages)) {
        return CommandSupport.EXIT_USAGE;
      }
      return result.successes() > 0 ? CommandSupport.EXIT_OK : CommandSupport.EXIT_FAILED;
    } finally {
      clientThreads.shutdownNow();
      httpThreads.shutdownNow();
      watchdog.shutdownNow();
    }
  }

  private ProfileSettings settings() {
    URI base;
    try {
      base = new URI(url);
    } catch (URISyntaxException e) {
      throw command.usage("--url '" + url + "' is not a URL: " + e.getReason());
    }
    if (!("http".equals(base.getScheme()) || "https".equals(base.getScheme()))
        || base.getHost() == null) {
      throw command.usage("--url '" + url + "' must be an http:// or https:// URL with a host");
    }
    if (requests < 1) {
      throw command.usage("--requests must be at least 1, got " + requests);
    }
    if (concurrency < 1 || concurrency > 1024) {
      throw command.usage("--concurrency must be between 1 and 1024, got " + concurrency);
    }
    if (warmup < 0) {
      throw command.usage("--warmup must not be negative, got " + warmup);
    }
    Double arrivalRate = rate;
    if (arrivalRate != null && !(arrivalRate > 0 && arrivalRate <= 1_000_000)) {
      throw command.usage("--rate must be between 0 and 1000000 requests/s, got " + rate);
    }
    Duration runFor = duration;
    if (runFor != null && (runFor.isZero() || runFor.isNegative())) {
      throw command.usage("--duration must be positive, got " + runFor);
    }
    if (runFor != null && command.given("--requests")) {
      throw command.usage("use either --requests or --duration, not both");
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw command.usage("--timeout must be positive, got " + timeout);
    }
    if (ProtocolVersion.of(protocol).isEmpty() || protocol.isBlank()) {
      throw command.usage("--protocol must be 0.3 or 1.0, got '" + protocol + "'");
    }
    return new ProfileSettings(
        base,
        Endpoints.resolve(base, path),
        isV1()
            ? (stream ? RequestFactory.V1_STREAM_METHOD : RequestFactory.V1_SEND_METHOD)
            : (stream ? RequestFactory.STREAM_METHOD : RequestFactory.SEND_METHOD),
        requests,
        runFor,
        concurrency,
        warmup,
        arrivalRate == null ? 0 : arrivalRate,
        stream,
        timeout,
        body != null,
        token() != null);
  }

  /** The bearer token, or null when none (or an empty one) was given. */
  private @Nullable String token() {
    String token = authToken;
    return token == null || token.isBlank() ? null : token.trim();
  }

  private RequestFactory requestFactory(ProfileSettings settings, HttpClient client) {
    String token = token();
    Path bodyFile = body;
    if (bodyFile != null) {
      return RequestFactory.custom(
          ProfileJson.mapper(),
          settings.endpoint(),
          settings.timeout(),
          token,
          settings.stream(),
          bodyFile,
          isV1());
    }
    return isV1()
        ? RequestFactory.v1(
            ProfileJson.mapper(),
            settings.endpoint(),
            settings.timeout(),
            new A2aV1Client(
                client,
                settings.endpoint(),
                A2aV1Client.Binding.JSON_RPC,
                token,
                settings.timeout()),
            settings.stream())
        : RequestFactory.telex(
            ProfileJson.mapper(),
            settings.endpoint(),
            settings.timeout(),
            token,
            settings.stream());
  }

  private boolean isV1() {
    return ProtocolVersion.of(protocol).orElse(null) == ProtocolVersion.V1_0;
  }

  private static void printStart(PrintWriter out, ProfileSettings settings) {
    out.println("🚀 Starting profiling against " + settings.url());
    Duration runFor = settings.duration();
    if (runFor == null) {
      out.println("📊 Running " + settings.requests() + " requests...");
    } else {
      out.println("📊 Running for " + Formats.ms(runFor.toMillis() / 1000.0) + " s...");
    }
    StringBuilder mode = new StringBuilder();
    if (settings.concurrency() > 1) {
      mode.append("concurrency ").append(settings.concurrency());
    }
    if (settings.openLoop()) {
      append(mode, "open loop at " + Formats.ms(settings.rate()) + " req/s");
    }
    if (settings.warmup() > 0) {
      append(
          mode,
          settings.warmup() + (settings.warmup() == 1 ? " warm-up request" : " warm-up requests"));
    }
    if (settings.stream()) {
      append(mode, "streaming (message/stream)");
    }
    if (mode.length() > 0) {
      out.println("⚙️  " + mode);
    }
    out.println();
    out.flush();
  }

  private static void append(StringBuilder text, String part) {
    if (text.length() > 0) {
      text.append(", ");
    }
    text.append(part);
  }

  private ProgressListener listener(PrintWriter out, ProfileSettings settings) {
    long planned = settings.plannedRequests();
    return switch (progress) {
      case NONE -> ProgressListener.NONE;
      case BAR -> new ProgressBar(out, planned, clock);
      case LINES -> new ProgressLines(out, planned, clock);
      case AUTO -> {
        if (settings.concurrency() == 1) {
          yield new RequestLines(out, planned);
        }
        yield terminal.getAsBoolean()
            ? new ProgressBar(out, planned, clock)
            : new ProgressLines(out, planned, clock);
      }
    };
  }

  private static void printUnreachable(PrintWriter err, ProfileSettings settings) {
    String base = settings.url().toString();
    err.println();
    err.println("❌ Could not connect to " + base + ": no server answered.");
    err.println();
    err.println("Troubleshooting:");
    err.println("  1. Ensure the server is running:");
    err.println("       curl " + base);
    err.println("  2. Check that " + settings.endpoint().getPath() + " is accessible:");
    err.println("       curl -X POST " + settings.endpoint() + " \\");
    err.println("         -H \"Content-Type: application/json\" \\");
    err.println(
        "         -d '{\"jsonrpc\":\"2.0\",\"id\":\"test\",\"method\":\"message/send\",\"params\":{}}'");
    err.println("  3. Start the server with tracing on:");
    err.println("       A2A_TRACE_LATENCY=true java -jar a2a-server/target/a2a-server.jar serve");
    err.flush();
  }

  private boolean writeFiles(PrintWriter out, RunResult result, List<StageSummary> stages) {
    Instant finishedAt = Instant.now();
    Path json = output;
    Path report = html;
    boolean written = true;
    if (json != null) {
      written =
          command.write(
              out,
              json,
              () ->
                  ProfileJson.mapper()
                      .writeValueAsBytes(ProfileJson.toJson(result, stages, finishedAt)),
              "💾 Results saved to ");
    }
    if (report != null) {
      written &=
          command.write(
              out,
              report,
              () -> ProfileHtml.render(result, stages, finishedAt).getBytes(StandardCharsets.UTF_8),
              "📄 HTML report written to ");
    }
    return written;
  }

  /**
   * Whether the JVM runs on a terminal. Before Java 22 {@link System#console()} is null unless it
   * does; from Java 22 it is never null, and {@code Console.isTerminal()} (absent from Java 17)
   * says.
   */
  // The null check is for Java 17 to 21, which this method's isTerminal() call covers from 22 on.
  @SuppressWarnings("SystemConsoleNull")
  private static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException beforeJava22) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
