package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "A2A_MAX_STREAMS | abc | A2A_MAX_STREAMS must be an integer, got \"abc\"",
        "A2A_MAX_STREAMS | 0 | A2A_MAX_STREAMS must be a positive integer, got \"0\"",
        "A2A_TRACE_LATENCY | maybe | A2A_TRACE_LATENCY must be true or false",
        "A2A_TRACE_SAMPLE_RATE | 1.5 | A2A_TRACE_SAMPLE_RATE must be a number from 0 to 1, got \"1.5\"",
        "A2A_HTTP_MAX_THREADS | 3 | A2A_HTTP_MAX_THREADS must be an integer of at least 4, got \"3\"",
        "A2A_AGENT | other | A2A_AGENT must be one of study, conformance, got \"other\"",
        "A2A_CARD_SIGNING_KEY | /nonexistent | A2A_CARD_SIGNING_KEY_ID is required",
        "LLM_PROVIDER | claude | LLM_PROVIDER must be one of simulated, gemini, openai, got \"claude\"",
        "SIMULATED_LLM_LATENCY_MS | fast | SIMULATED_LLM_LATENCY_MS must be a whole number of",
        "LLM_PROVIDER | gemini | LLM_PROVIDER=gemini needs GEMINI_API_KEY",
        "LLM_PRICES | m=cheap:1 | LLM_PRICES: the input price of 'm' must be a non-negative number",
        "LLM_PRICE_FILE | /nonexistent.json | LLM_PRICE_FILE /nonexistent.json cannot be read"
      })
  void serveWithABadVariableIsAUsageErrorNamingItWithoutAStackTrace(
      String name, String value, String message) {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(EnvironmentConfig.of(Map.of(name, value)));
    cli.setErr(new PrintWriter(err));

    int status = cli.execute("serve", "--port", "0");

    assertThat(err.toString())
        .contains(message)
        .contains("Usage: a2a-server serve")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(status).isEqualTo(2);
  }
}
