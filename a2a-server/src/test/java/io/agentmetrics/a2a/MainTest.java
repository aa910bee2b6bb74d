package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  @Test
  void everySubcommandIsRegisteredAndServeDocumentsHostAndPort() {
    CommandLine cli = Main.commandLine();

    assertThat(cli.getSubcommands())
        .containsKeys("serve", "profile", "trace-report", "demo", "help");
    String usage = cli.getSubcommands().get("serve").getUsageMessage();
    assertThat(usage)
        .contains("--host")
        .contains("--port")
        .contains("env HOST")
        .contains("env PORT");
  }

  @Test
  void withoutASubcommandItFailsWithAHint() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));

    int status = cli.execute();

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("Missing subcommand").contains("serve");
  }

  @Test
  void aBadPortIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));

    assertThat(cli.execute("serve", "--port", "http")).isEqualTo(2);
    assertThat(err.toString()).contains("--port");
  }
}
