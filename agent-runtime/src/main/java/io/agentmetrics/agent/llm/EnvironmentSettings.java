package io.agentmetrics.agent.llm;

import io.agentmetrics.agent.config.ConfigException;
import io.agentmetrics.agent.internal.Checks;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one reader of agent-runtime's environment-style settings ({@link LlmClients}, {@link
 * PriceTable}). Unset or blank values count as unset, and values are trimmed. Every value that
 * cannot be used fails with a {@link ConfigException} naming the variable and what it allows, in
 * the words of the sample server's reader: a number is a whole decimal number, a duration a whole
 * number of its unit.
 *
 * <p>Immutable and thread-safe.
 */
final class EnvironmentSettings {

  private final Map<String, String> settings;

  private EnvironmentSettings(Map<String, String> settings) {
    this.settings = settings;
  }

  /** The settings in {@code settings}, such as {@code System.getenv()}. */
  static EnvironmentSettings of(Map<String, String> settings) {
    return new EnvironmentSettings(Map.copyOf(settings));
  }

  /** The value of {@code name}, trimmed, or {@code null} when it is unset or blank. */
  @Nullable String string(String name) {
    String value = settings.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * The value of {@code name}, or the reason {@code why} it is needed when it is unset.
   *
   * @throws ConfigException with {@code why} as its message, when unset or blank
   */
  String required(String name, String why) {
    String value = string(name);
    if (value == null) {
      throw new ConfigException(name, why, null);
    }
    return value;
  }

  /**
   * The value of {@code name} in lower case, one of {@code allowed}; {@code otherwise} if unset.
   */
  String oneOf(String name, List<String> allowed, String otherwise) {
    String value = string(name);
    if (value == null) {
      return otherwise;
    }
    String choice = value.toLowerCase(Locale.ROOT);
    if (!allowed.contains(choice)) {
      throw new ConfigException(name, "one of " + String.join(", ", allowed), printable(value));
    }
    return choice;
  }

  /** A whole number of {@code unit} from {@code min} to {@code max}, or {@code null} if unset. */
  @Nullable Long wholeNumber(String name, String unit, long min, long max) {
    String range = max == Long.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
    return read(
        name,
        "a whole number of " + unit + ", " + range,
        value -> {
          long number = Long.parseLong(value);
          if (number < min || number > max) {
            throw new IllegalArgumentException(value);
          }
          return number;
        });
  }

  /** A whole number of milliseconds, at least {@code min}, or {@code null} if unset. */
  @Nullable Duration millis(String name, long min) {
    Long millis = wholeNumber(name, "milliseconds", min, Long.MAX_VALUE);
    return millis == null ? null : Duration.ofMillis(millis);
  }

  /** An absolute http(s) URL to append paths to, or {@code null} if unset. */
  @Nullable URI httpBaseUri(String name) {
    return read(
        name,
        "an absolute http or https URL without a query, such as http://localhost:11434/v1",
        value -> Checks.httpBaseUri(URI.create(value), name));
  }

  /** A file path, or {@code null} if unset. */
  @Nullable Path path(String name) {
    return read(name, "a file path", value -> Path.of(value));
  }

  /**
   * The value of {@code name} read by {@code parser}, or {@code null} if unset. The parser's own
   * {@link ConfigException} passes through (it knows better what is wrong); any other {@link
   * IllegalArgumentException} becomes one saying what {@code name} allows.
   */
  private <T> @Nullable T read(String name, String allowed, Function<String, T> parser) {
    String value = string(name);
    if (value == null) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // NumberFormatException and InvalidPathException included: the message names the setting, not
      // Java's parser.
      throw new ConfigException(name, allowed, printable(value));
    }
  }

  /** A value fit for one line of an error message: control characters become {@code ?}. */
  static String printable(String value) {
    return value.replaceAll("\\p{Cntrl}", "?");
  }
}
