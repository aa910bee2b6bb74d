package io.agentmetrics.agent.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one parser of environment-style settings in agentmetrics: agent-runtime's LLM clients and
 * prices read through it, and so does the sample server's configuration. Unset or blank values
 * count as unset, and values are trimmed. Every value that cannot be used fails with a {@link
 * ConfigException} naming the variable, what it allows and the value it got.
 *
 * <p>One notion of each type: a boolean is {@code true}, {@code 1} or {@code yes}, or {@code
 * false}, {@code 0} or {@code no}, in any case, and nothing else; a number is a whole decimal
 * number; a duration a whole number of its unit; a list is comma-separated, its items trimmed and
 * empty ones dropped.
 *
 * <p>Immutable, and thread-safe if its lookup is.
 *
 * @since 0.1.0
 */
public final class EnvironmentSettings {

  private static final String BOOLEAN = "true or false (or 1/0, yes/no)";

  private final Function<String, @Nullable String> lookup;

  private EnvironmentSettings(Function<String, @Nullable String> lookup) {
    this.lookup = requireNonNull(lookup, "lookup");
  }

  /**
   * The settings in {@code settings}, such as {@code System.getenv()}.
   *
   * @param settings the values by variable name; copied
   * @return a parser of them
   * @since 0.1.0
   */
  public static EnvironmentSettings of(Map<String, String> settings) {
    Map<String, String> copy = Map.copyOf(settings);
    return new EnvironmentSettings(copy::get);
  }

  /**
   * The settings {@code lookup} gives.
   *
   * @param lookup a variable's value by its name, or {@code null} when it is unset
   * @return a parser of them
   * @since 0.1.0
   */
  public static EnvironmentSettings of(Function<String, @Nullable String> lookup) {
    return new EnvironmentSettings(lookup);
  }

  /**
   * The value of {@code name} as it is set.
   *
   * @param name the variable
   * @return its value, trimmed, or {@code null} when it is unset or blank
   * @since 0.1.0
   */
  public @Nullable String string(String name) {
    String value = lookup.apply(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * The value of {@code name}, which must be set.
   *
   * @param name the variable
   * @param why the whole message when it is unset, naming the variable and why it is needed
   * @return its value, trimmed
   * @throws ConfigException with {@code why} as its message, when unset or blank
   * @since 0.1.0
   */
  public String required(String name, String why) {
    String value = string(name);
    if (value == null) {
      throw new ConfigException(name, why, null);
    }
    return value;
  }

  /**
   * The value of {@code name} in lower case, one of {@code allowed}.
   *
   * @param name the variable
   * @param allowed the choices, in lower case
   * @param otherwise the choice when it is unset
   * @return the choice
   * @throws ConfigException for a value that is none of {@code allowed}, in any case
   * @since 0.1.0
   */
  public String oneOf(String name, List<String> allowed, String otherwise) {
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

  /**
   * The value of {@code name} as a boolean.
   *
   * @param name the variable
   * @return the boolean, or {@code null} when it is unset
   * @throws ConfigException for anything but the words of the class documentation
   * @since 0.1.0
   */
  public @Nullable Boolean bool(String name) {
    return read(
        name,
        BOOLEAN,
        value ->
            switch (value.toLowerCase(Locale.ROOT)) {
              case "true", "1", "yes" -> true;
              case "false", "0", "no" -> false;
              default -> throw new IllegalArgumentException(value);
            });
  }

  /**
   * The value of {@code name} as a comma-separated list.
   *
   * @param name the variable
   * @return its items, trimmed, without empty ones, or {@code null} when it is unset
   * @since 0.1.0
   */
  public @Nullable List<String> list(String name) {
    String value = string(name);
    return value == null
        ? null
        : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * The value of {@code name} as a whole number of {@code unit} within a range.
   *
   * @param name the variable
   * @param unit what it counts, such as {@code "attempts"}
   * @param min the least value allowed
   * @param max the greatest value allowed; {@link Long#MAX_VALUE} for no bound
   * @return the number, or {@code null} when it is unset
   * @throws ConfigException for anything else, naming the range
   * @since 0.1.0
   */
  public @Nullable Long wholeNumber(String name, String unit, long min, long max) {
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

  /**
   * The value of {@code name} as a whole number of milliseconds.
   *
   * @param name the variable
   * @param min the least number of milliseconds allowed
   * @return the duration, or {@code null} when it is unset
   * @throws ConfigException for anything else
   * @since 0.1.0
   */
  public @Nullable Duration millis(String name, long min) {
    Long millis = wholeNumber(name, "milliseconds", min, Long.MAX_VALUE);
    return millis == null ? null : Duration.ofMillis(millis);
  }

  /**
   * The value of {@code name} as a file path.
   *
   * @param name the variable
   * @return the path, or {@code null} when it is unset
   * @throws ConfigException for a value that is no path on this system
   * @since 0.1.0
   */
  public @Nullable Path path(String name) {
    return read(name, "a file path", value -> Path.of(value));
  }

  /**
   * The value of {@code name} read by {@code parser}. The parser's own {@link ConfigException}
   * passes through (it knows better what is wrong); any other {@link IllegalArgumentException},
   * {@link NumberFormatException} included, becomes one saying what {@code name} allows.
   *
   * @param name the variable
   * @param allowed what it allows, such as {@code "an integer"}
   * @param parser reads the trimmed value, throwing {@link IllegalArgumentException} when it can't
   * @param <T> the type read
   * @return the value read, or {@code null} when it is unset
   * @throws ConfigException for a value the parser refuses
   * @since 0.1.0
   */
  public <T> @Nullable T read(String name, String allowed, Function<String, T> parser) {
    String value = string(name);
    if (value == null) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name, allowed, printable(value));
    }
  }

  /**
   * A value fit for one line of an error message.
   *
   * @param value a setting's value
   * @return the value with every control character replaced by {@code ?}
   * @since 0.1.0
   */
  public static String printable(String value) {
    return value.replaceAll("\\p{Cntrl}", "?");
  }
}
