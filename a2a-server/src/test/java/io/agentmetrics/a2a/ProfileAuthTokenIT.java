package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code a2a-server profile} takes its bearer token from the environment reader, and {@code
 * --auth-token} wins over it: against a server that requires {@code right}, the run succeeds (exit
 * 0) only with the right token, and fails every request (exit 1) otherwise.
 */
class ProfileAuthTokenIT {

  private static TestServer server;

  @BeforeAll
  static void startServerRequiringAToken() throws Exception {
    server = TestServer.start(config -> config.authToken("right"));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @ParameterizedTest
  @CsvSource({
    "right, '', 0",
    "'', '', 1",
    "wrong, right, 0",
    "right, wrong, 1",
  })
  void theEnvironmentGivesTheTokenUnlessTheOptionGivesAnother(
      String environmentToken, String optionToken, int exitCode) {
    List<String> args =
        new ArrayList<>(List.of("profile", "--url", server.url(), "--requests", "1"));
    if (!optionToken.isEmpty()) {
      args.addAll(List.of("--auth-token", optionToken));
    }
    StringWriter out = new StringWriter();
    var cli = Main.commandLine(EnvironmentConfig.of(Map.of("A2A_AUTH_TOKEN", environmentToken)));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));

    int status = cli.execute(args.toArray(String[]::new));

    assertThat(status).as(out.toString()).isEqualTo(exitCode);
  }
}
