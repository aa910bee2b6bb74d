package io.agentmetrics.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agentmetrics.agent.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PriceTableTest {

  @TempDir Path dir;

  @Test
  void theDefaultsPriceTheDefaultModelOfEveryBuiltInClient() {
    PriceTable defaults = PriceTable.defaults();

    assertThat(defaults.find(GeminiConfig.DEFAULT_MODEL)).hasValue(new ModelPrice(0.30, 2.50));
    assertThat(defaults.find(OpenAiCompatibleConfig.DEFAULT_MODEL))
        .hasValue(new ModelPrice(0.15, 0.60));
    assertThat(defaults.find(SimulatedLlmConfig.DEFAULT_MODEL)).hasValue(new ModelPrice(0, 0));
  }

  @ParameterizedTest
  @CsvSource({
    // 1,000 input at $0.30/M = $0.0003, 500 output at $2.50/M = $0.00125: $0.00155.
    "gemini-2.5-flash, 1000, 500, 0.00155",
    // 812 x 0.15 / 1e6 + 96 x 0.60 / 1e6 = 0.0001218 + 0.0000576.
    "gpt-4o-mini-2024-07-18, 812, 96, 0.0001794",
    // 10,000 x 1.25 / 1e6 + 2,000 x 10 / 1e6 = 0.0125 + 0.02.
    "models/gemini-2.5-pro, 10000, 2000, 0.0325",
    "simulated-study-planner, 5000, 5000, 0"
  })
  void costsAreTokensTimesThePricePerMillion(
      String model, long input, long output, double expectedUsd) {
    assertThat(PriceTable.defaults().costUsd(model, input, output).orElseThrow())
        .isCloseTo(expectedUsd, within(1e-12));
  }

  @ParameterizedTest
  @CsvSource({
    "gpt-4o-mini-2024-07-18, gpt-4o-mini",
    "gpt-4o-2024-08-06, gpt-4o",
    "gpt-5-2025-08-07, gpt-5",
    "gpt-5-mini-20250807, gpt-5-mini",
    "gemini-2.0-flash-001, gemini-2.0-flash",
    "gemini-2.5-flash-latest, gemini-2.5-flash",
    "models/gemini-2.5-flash-lite-001, gemini-2.5-flash-lite"
  })
  void aSnapshotOrVersionIsPricedAsTheLongestKnownNameItExtends(String model, String known) {
    PriceTable defaults = PriceTable.defaults();

    assertThat(defaults.find(model)).isPresent().isEqualTo(defaults.find(known));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gpt-5-pro",
        "gpt-4o-audio-preview",
        "gemini-2.5-flash-image",
        "gemini-2.5-flash-preview-04-17",
        "gpt-4o-mini-tts",
        "gpt-5-2025-08-07-pro"
      })
  void anotherModelNamedAfterAKnownOneHasNoPrice(String model) {
    assertThat(PriceTable.defaults().find(model)).isEmpty();
    assertThat(PriceTable.defaults().costUsd(model, 1, 1)).isEmpty();
  }

  @Test
  void unknownModelsHaveNoPrice() {
    PriceTable defaults = PriceTable.defaults();

    assertThat(defaults.find("gpt-4o1")).isEmpty();
    assertThat(defaults.find("llama3.1:8b")).isEmpty();
    assertThat(defaults.costUsd("llama3.1:8b", 1, 1)).isEmpty();
  }

  @Test
  void inlinePricesParseAndNameTheSettingWhenMalformed() {
    PriceTable parsed = PriceTable.parse("my-model=1.5:6; other = 0.1:0.2 ;");

    assertThat(parsed.prices())
        .containsExactly(
            Map.entry("my-model", new ModelPrice(1.5, 6)),
            Map.entry("other", new ModelPrice(0.1, 0.2)));
    assertThatThrownBy(() -> PriceTable.parse("my-model=1.5"))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).isEqualTo("LLM_PRICES"))
        .hasMessage(
            "LLM_PRICES must be model=input:output entries separated by ';', in dollars per"
                + " million tokens, got \"my-model=1.5\"");
    assertThatThrownBy(() -> PriceTable.parse("m=cheap:1"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "LLM_PRICES: the input price of 'm' must be a non-negative number of dollars per"
                + " million tokens, got \"cheap\"");
    assertThatThrownBy(() -> PriceTable.parse("m=1:-1"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "LLM_PRICES: the output price of 'm' must be a non-negative number of dollars per"
                + " million tokens, got \"-1\"");
  }

  @Test
  void aPriceFileIsAJsonObjectOfModels() throws IOException {
    Path file = dir.resolve("prices.json");
    Files.writeString(
        file, "{\"my-model\": {\"input_usd_per_million\": 3, \"output_usd_per_million\": 15}}");

    assertThat(PriceTable.load(file).prices())
        .containsExactly(Map.entry("my-model", new ModelPrice(3, 15)));
  }

  @Test
  void aBadPriceFileIsRejectedNamingTheFile() throws IOException {
    Path notJson = dir.resolve("bad.json");
    Files.writeString(notJson, "model = 1");
    Path missingField = dir.resolve("missing.json");
    Files.writeString(missingField, "{\"m\": {\"input_usd_per_million\": 1}}");

    assertThatThrownBy(() -> PriceTable.load(notJson))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("price file " + notJson + " is not JSON");
    assertThatThrownBy(() -> PriceTable.load(missingField))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "price file "
                + missingField
                + ": model 'm': output_usd_per_million must be a number of dollars");
    assertThatThrownBy(() -> PriceTable.load(dir.resolve("absent.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be read");
  }

  @Test
  void theEnvironmentOverridesTheDefaultsWithTheFileAndThenTheInlinePrices() throws IOException {
    Path file = dir.resolve("prices.json");
    Files.writeString(
        file,
        "{\"gpt-4o-mini\": {\"input_usd_per_million\": 0.2, \"output_usd_per_million\": 0.8},"
            + " \"house-model\": {\"input_usd_per_million\": 1, \"output_usd_per_million\": 2}}");

    PriceTable table =
        PriceTable.fromEnvironment(
            Map.of(
                PriceTable.LLM_PRICE_FILE,
                file.toString(),
                PriceTable.LLM_PRICES,
                "house-model=5:10"));

    assertThat(table.find("gpt-4o-mini")).hasValue(new ModelPrice(0.2, 0.8));
    assertThat(table.find("house-model")).hasValue(new ModelPrice(5, 10));
    assertThat(table.find("gemini-2.5-flash")).hasValue(new ModelPrice(0.30, 2.50));
    assertThat(PriceTable.fromEnvironment(Map.of(PriceTable.LLM_PRICES, " ")))
        .isEqualTo(PriceTable.defaults());
    assertThatThrownBy(
            () -> PriceTable.fromEnvironment(Map.of(PriceTable.LLM_PRICE_FILE, "/nope.json")))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).isEqualTo("LLM_PRICE_FILE"))
        .hasMessageStartingWith("LLM_PRICE_FILE /nope.json cannot be read");
    assertThatThrownBy(
            () -> PriceTable.fromEnvironment(Map.of(PriceTable.LLM_PRICE_FILE, "bad\0name")))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).isEqualTo("LLM_PRICE_FILE"))
        .hasMessage("LLM_PRICE_FILE must be a file path, got \"bad?name\"");
  }

  @Test
  void aModelPriceCostsTokensPerMillion() {
    assertThat(new ModelPrice(2, 8).costUsd(1_000_000, 500_000)).isCloseTo(6.0, within(1e-12));
    assertThatThrownBy(() -> new ModelPrice(1, 1).costUsd(-1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
