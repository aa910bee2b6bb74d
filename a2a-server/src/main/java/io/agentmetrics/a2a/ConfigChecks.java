package io.agentmetrics.a2a;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.agent.config.ConfigException;
import java.time.Duration;

/**
 * The range checks of the config records' compact constructors; each names the setting's
 * environment variable.
 */
final class ConfigChecks {

  private ConfigChecks() {}

  static void positive(long value, String setting) {
    if (value <= 0) {
      throw new ConfigException(setting, "a positive integer", value);
    }
  }

  static void notNegative(long value, String setting) {
    if (value < 0) {
      throw new ConfigException(setting, "zero or a positive integer", value);
    }
  }

  static void atLeast(long value, long minimum, String setting, String why) {
    if (value < minimum) {
      throw new ConfigException(setting, "at least " + minimum + " (" + why + ")", value);
    }
  }

  static void inRange(long value, long min, long max, String setting) {
    if (value < min || value > max) {
      throw new ConfigException(setting, "an integer from " + min + " to " + max, value);
    }
  }

  static void positive(Duration value, String setting) {
    requireNonNull(value, setting);
    if (value.isNegative() || value.isZero()) {
      throw new ConfigException(setting, "positive", value.toMillis() + " ms");
    }
  }

  static void notNegative(Duration value, String setting) {
    requireNonNull(value, setting);
    if (value.isNegative()) {
      throw new ConfigException(setting, "zero or positive", value.toMillis() + " ms");
    }
  }
}
