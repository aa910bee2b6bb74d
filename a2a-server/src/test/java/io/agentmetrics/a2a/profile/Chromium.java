package io.agentmetrics.a2a.profile;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Headless Chromium for checking rendered reports; absent on machines without the package. */
final class Chromium {

  private static final List<String> NAMES =
      List.of("chromium", "chromium-browser", "google-chrome");

  private final Path binary;

  private Chromium(Path binary) {
    this.binary = binary;
  }

  static Optional<Chromium> find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator, -1)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(new Chromium(candidate));
        }
      }
    }
    return Optional.empty();
  }

  /** The DOM after the page's scripts ran. */
  String dumpDom(URI page, Path profileDir) throws IOException, InterruptedException {
    return run(page, profileDir, "--dump-dom");
  }

  void screenshot(URI page, Path png, Path profileDir, int width, int height)
      throws IOException, InterruptedException {
    run(page, profileDir, "--screenshot=" + png, "--window-size=" + width + "," + height);
  }

  private String run(URI page, Path profileDir, String... extra)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--virtual-time-budget=5000",
                "--user-data-dir=" + profileDir));
    command.addAll(List.of(extra));
    command.add(page.toString());
    Path stdout = Files.createTempFile(profileDir.getParent(), "chromium", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("chromium did not finish within 120 s: " + command);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "chromium exited with " + process.exitValue() + ": " + command);
    }
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }
}
