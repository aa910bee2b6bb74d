package io.agentmetrics.agent.llm;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.agent.config.ConfigException;
import io.agentmetrics.agent.config.EnvironmentSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The prices of LLM models, which turn the token counts of an execution's LLM calls into a cost.
 * Immutable and thread-safe.
 *
 * <p>{@link #defaults()} holds the list prices of the models the built-in clients support (standard
 * tier, text, prompts up to 200,000 tokens), as {@link #DEFAULTS_RECORDED recorded}; prices change,
 * so override them with a file or the environment ({@link #fromEnvironment}). A model is found by
 * its exact name, else as the longest name in the table that it extends by a version suffix only:
 * numbers and {@code latest}, each after a {@code -}, such as a snapshot date ({@code
 * gpt-4o-mini-2024-07-18} and {@code gpt-4o-mini-20240718} are priced as {@code gpt-4o-mini}) or a
 * version ({@code gemini-2.0-flash-001}). Any other suffix names another model, which may cost more
 * or less ({@code gpt-5-pro}, {@code gpt-4o-audio-preview}, {@code gemini-2.5-flash-image}), so it
 * is not found. A Gemini resource name ({@code models/gemini-2.5-flash}) is read without its {@code
 * models/} prefix. A model that is not found has no price, and its calls no cost: never a guessed
 * one, and never $0.
 *
 * @since 0.1.0
 */
public final class PriceTable {

  /** Setting naming a JSON file of prices that override the defaults. */
  public static final String LLM_PRICE_FILE = "LLM_PRICE_FILE";

  /**
   * Setting with prices that override the defaults and the file: {@code
   * model=input:output;model=input:output}, in US dollars per million tokens.
   */
  public static final String LLM_PRICES = "LLM_PRICES";

  /** When the default prices were recorded from the providers' published price lists. */
  public static final LocalDate DEFAULTS_RECORDED = LocalDate.of(2026, 12, 6);

  /** The largest price file read: 1 MiB. */
  static final int MAX_FILE_BYTES = 1 << 20;

  private static final String GEMINI_RESOURCE_PREFIX = "models/";

  /** What may follow a known name and still mean that model: dates, versions, {@code latest}. */
  private static final Pattern VERSION_SUFFIX = Pattern.compile("(?:-(?:[0-9]+|latest))+");

  private static final PriceTable EMPTY = new PriceTable(Map.of());

  private static final PriceTable DEFAULTS = new PriceTable(defaultPrices());

  private final Map<String, ModelPrice> prices;

  private PriceTable(Map<String, ModelPrice> prices) {
    this.prices = prices;
  }

  /** The built-in prices; see the class documentation. */
  public static PriceTable defaults() {
    return DEFAULTS;
  }

  /** A table without prices: every call is unpriced. */
  public static PriceTable empty() {
    return EMPTY;
  }

  /**
   * A table of the given prices, by model name.
   *
   * @throws IllegalArgumentException if a model name is blank
   */
  public static PriceTable of(Map<String, ModelPrice> prices) {
    Map<String, ModelPrice> copy = new LinkedHashMap<>();
    prices.forEach((model, price) -> copy.put(modelName(model), requireNonNull(price, model)));
    return new PriceTable(Collections.unmodifiableMap(copy));
  }

  /**
   * The defaults, overridden by the JSON file that {@value #LLM_PRICE_FILE} names and then by the
   * prices in {@value #LLM_PRICES}. Pass {@code System.getenv()} in an application. Blank values
   * count as unset.
   *
   * @throws ConfigException naming the setting, if the file cannot be read or a price is invalid
   */
  public static PriceTable fromEnvironment(Map<String, String> settings) {
    EnvironmentSettings environment = EnvironmentSettings.of(settings);
    PriceTable table = DEFAULTS;
    Path file = environment.path(LLM_PRICE_FILE);
    if (file != null) {
      table = table.withOverrides(load(file, LLM_PRICE_FILE));
    }
    String inline = environment.string(LLM_PRICES);
    if (inline != null) {
      table = table.withOverrides(parse(inline));
    }
    return table;
  }

  /**
   * The prices in a JSON file: an object from model name to {@code {"input_usd_per_million": ...,
   * "output_usd_per_million": ...}}.
   *
   * @throws IllegalArgumentException naming the file, if it cannot be read, is larger than 1 MiB,
   *     or holds an invalid price
   */
  public static PriceTable load(Path file) {
    return load(file, null);
  }

  /**
   * Prices in the form of {@value #LLM_PRICES}: {@code model=input:output} entries separated by
   * {@code ;}, prices in US dollars per million tokens.
   *
   * @throws ConfigException naming {@value #LLM_PRICES} and the entry that is malformed
   */
  public static PriceTable parse(String prices) {
    Map<String, ModelPrice> parsed = new LinkedHashMap<>();
    for (String entry : prices.split(";", -1)) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      int colon = entry.indexOf(':', equals + 1);
      if (equals < 1 || colon < 0) {
        throw new ConfigException(
            LLM_PRICES,
            "model=input:output entries separated by ';', in dollars per million tokens",
            EnvironmentSettings.printable(entry.strip()));
      }
      String model = entry.substring(0, equals);
      parsed.put(
          modelName(model),
          new ModelPrice(
              number(entry.substring(equals + 1, colon), model, "input"),
              number(entry.substring(colon + 1), model, "output")));
    }
    return of(parsed);
  }

  /**
   * This table with every price of {@code overrides} added, replacing a price of the same model.
   */
  public PriceTable withOverrides(PriceTable overrides) {
    Map<String, ModelPrice> merged = new LinkedHashMap<>(prices);
    merged.putAll(overrides.prices);
    return new PriceTable(Collections.unmodifiableMap(merged));
  }

  /** Every price, by model name, in the order they were given. */
  public Map<String, ModelPrice> prices() {
    return prices;
  }

  /** The price of {@code model}, found as the class documentation describes. */
  public Optional<ModelPrice> find(String model) {
    String name = model.strip();
    if (name.startsWith(GEMINI_RESOURCE_PREFIX)) {
      name = name.substring(GEMINI_RESOURCE_PREFIX.length());
    }
    ModelPrice exact = prices.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    String best = null;
    for (String known : prices.keySet()) {
      if (name.startsWith(known)
          && (best == null || known.length() > best.length())
          && VERSION_SUFFIX.matcher(name).region(known.length(), name.length()).matches()) {
        best = known;
      }
    }
    return best == null ? Optional.empty() : Optional.ofNullable(prices.get(best));
  }

  /** The cost of a call to {@code model} in US dollars, or empty if the model has no price. */
  public OptionalDouble costUsd(String model, long inputTokens, long outputTokens) {
    return find(model)
        .map(price -> OptionalDouble.of(price.costUsd(inputTokens, outputTokens)))
        .orElse(OptionalDouble.empty());
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof PriceTable table && table.prices.equals(prices);
  }

  @Override
  public int hashCode() {
    return prices.hashCode();
  }

  @Override
  public String toString() {
    return "PriceTable" + prices;
  }

  /**
   * The prices in {@code file}; a failure names {@code setting} with a {@link ConfigException}, or
   * the file with an {@link IllegalArgumentException} when it came from no setting.
   */
  private static PriceTable load(Path file, @Nullable String setting) {
    String what = setting != null ? setting : "price file";
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (IOException e) {
      throw invalid(setting, what + " " + file + " cannot be read: " + e.getMessage(), e);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw invalid(
          setting, what + " " + file + " is larger than " + MAX_FILE_BYTES + " bytes", null);
    }
    JsonNode root;
    try {
      root = LlmJson.MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw invalid(setting, what + " " + file + " is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw invalid(setting, what + " " + file + " cannot be read: " + e, e);
    }
    if (root == null || !root.isObject()) {
      throw invalid(
          setting,
          what
              + " "
              + file
              + " must hold a JSON object from model name to"
              + " {\"input_usd_per_million\": ..., \"output_usd_per_million\": ...}",
          null);
    }
    Map<String, ModelPrice> prices = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      String model = entry.getKey();
      JsonNode price = entry.getValue();
      try {
        prices.put(
            modelName(model),
            new ModelPrice(
                field(price, "input_usd_per_million"), field(price, "output_usd_per_million")));
      } catch (IllegalArgumentException e) {
        throw invalid(setting, what + " " + file + ": model '" + model + "': " + e.getMessage(), e);
      }
    }
    return of(prices);
  }

  private static IllegalArgumentException invalid(
      @Nullable String setting, String message, @Nullable Throwable cause) {
    return setting != null
        ? new ConfigException(setting, message, cause)
        : new IllegalArgumentException(message, cause);
  }

  private static double field(JsonNode price, String name) {
    JsonNode value = price.path(name);
    if (!value.isNumber()) {
      throw new IllegalArgumentException(name + " must be a number of dollars");
    }
    return value.asDouble();
  }

  /** A price in {@value #LLM_PRICES}: a finite, non-negative number. */
  private static double number(String text, String model, String which) {
    double price;
    try {
      price = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      price = Double.NaN;
    }
    if (!(price >= 0) || Double.isInfinite(price)) {
      throw new ConfigException(
          LLM_PRICES,
          LLM_PRICES
              + ": the "
              + which
              + " price of '"
              + EnvironmentSettings.printable(model.strip())
              + "' must be a non-negative number of dollars per million tokens, got \""
              + EnvironmentSettings.printable(text.strip())
              + "\"",
          null);
    }
    return price;
  }

  private static String modelName(String model) {
    String name = requireNonNull(model, "model").strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a model name must not be blank");
    }
    return name;
  }

  private static Map<String, ModelPrice> defaultPrices() {
    Map<String, ModelPrice> prices = new LinkedHashMap<>();
    // Google, ai.google.dev/gemini-api/docs/pricing.
    prices.put("gemini-2.5-pro", new ModelPrice(1.25, 10.00));
    prices.put("gemini-2.5-flash", new ModelPrice(0.30, 2.50));
    prices.put("gemini-2.5-flash-lite", new ModelPrice(0.10, 0.40));
    prices.put("gemini-2.0-flash", new ModelPrice(0.10, 0.40));
    // OpenAI, platform.openai.com/docs/pricing.
    prices.put("gpt-5", new ModelPrice(1.25, 10.00));
    prices.put("gpt-5-mini", new ModelPrice(0.25, 2.00));
    prices.put("gpt-5-nano", new ModelPrice(0.05, 0.40));
    prices.put("gpt-4.1", new ModelPrice(2.00, 8.00));
    prices.put("gpt-4.1-mini", new ModelPrice(0.40, 1.60));
    prices.put("gpt-4.1-nano", new ModelPrice(0.10, 0.40));
    prices.put("gpt-4o", new ModelPrice(2.50, 10.00));
    prices.put("gpt-4o-mini", new ModelPrice(0.15, 0.60));
    // The simulated model runs in-process and costs nothing.
    prices.put(SimulatedLlmConfig.DEFAULT_MODEL, new ModelPrice(0, 0));
    return Collections.unmodifiableMap(prices);
  }
}
