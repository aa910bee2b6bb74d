package io.agentmetrics.a2a.trace;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latency-trace settings: {@code A2A_TRACE_LATENCY} ({@code true}/{@code 1}/{@code yes} in any
 * case for on; {@code false}, empty or unset for off; anything else off with one warning), {@code
 * A2A_TRACE_SAMPLE_RATE} (0 to 1, default 1) and {@code A2A_TRACE_LOG_FILE} (default stdout).
 *
 * @param enabled whether trace events are written
 * @param sampleRate the fraction of requests traced
 * @param logFile the file to append to, or {@code null} for stdout
 * @since 0.1.0
 */
public record TraceSettings(boolean enabled, double sampleRate, @Nullable Path logFile) {

  private static final Logger logger = LoggerFactory.getLogger(TraceSettings.class);

  /** Default sample rate: every request. */
  public static final double DEFAULT_SAMPLE_RATE = 1.0;

  /** Checks the sample rate. */
  public TraceSettings {
    if (!(sampleRate >= 0 && sampleRate <= 1)) {
      throw new IllegalArgumentException(
          "A2A_TRACE_SAMPLE_RATE must be between 0 and 1, got " + sampleRate);
    }
  }

  /**
   * Tracing off.
   *
   * @return settings with tracing disabled
   * @since 0.1.0
   */
  public static TraceSettings disabled() {
    return new TraceSettings(false, DEFAULT_SAMPLE_RATE, null);
  }

  /**
   * Reads the settings from the environment, warning once about an unrecognised {@code
   * A2A_TRACE_LATENCY} value.
   *
   * @param env the environment
   * @return the settings
   * @throws IllegalArgumentException if {@code A2A_TRACE_SAMPLE_RATE} is not a number in 0..1
   * @since 0.1.0
   */
  public static TraceSettings fromEnvironment(Map<String, String> env) {
    String raw = env.get("A2A_TRACE_LATENCY");
    Optional<Boolean> flag = parseFlag(raw);
    if (flag.isEmpty()) {
      logger.warn(
          "A2A_TRACE_LATENCY has an unrecognised value; tracing stays off."
              + " Use true, 1 or yes to enable it, false to disable it.");
    }
    double rate = DEFAULT_SAMPLE_RATE;
    String rawRate = env.get("A2A_TRACE_SAMPLE_RATE");
    if (rawRate != null && !rawRate.isBlank()) {
      try {
        rate = Double.parseDouble(rawRate.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "A2A_TRACE_SAMPLE_RATE must be a number between 0 and 1, got '" + rawRate + "'", e);
      }
    }
    String file = env.get("A2A_TRACE_LOG_FILE");
    return new TraceSettings(
        flag.orElse(false), rate, file == null || file.isBlank() ? null : Path.of(file.trim()));
  }

  /**
   * Reads an {@code A2A_TRACE_LATENCY} value.
   *
   * @param raw the value, or {@code null} when unset
   * @return on or off, or empty for a value that is neither
   */
  static Optional<Boolean> parseFlag(@Nullable String raw) {
    if (raw == null) {
      return Optional.of(false);
    }
    return switch (raw.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> Optional.of(true);
      case "false", "0", "no", "" -> Optional.of(false);
      default -> Optional.empty();
    };
  }
}
