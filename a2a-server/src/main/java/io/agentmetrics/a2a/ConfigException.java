package io.agentmetrics.a2a;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A setting has a value the server cannot use. The message names the setting's environment
 * variable, what it allows and the value it got, for example {@code A2A_MAX_STREAMS must be a
 * positive integer, got "abc"}; {@code serve} prints it as a usage error and exits with status 2.
 *
 * @since 0.1.0
 */
public final class ConfigException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String setting;

  /**
   * A value of {@code setting} that is not {@code allowed}.
   *
   * @param setting the environment variable
   * @param allowed what it allows, such as {@code "a positive integer"}
   * @param got the value it got, quoted in the message
   * @since 0.1.0
   */
  public ConfigException(String setting, String allowed, Object got) {
    super(requireNonNull(setting, "setting") + " must be " + allowed + ", got \"" + got + "\"");
    this.setting = setting;
  }

  /**
   * A setting that is missing or wrong, described by {@code message}.
   *
   * @param setting the environment variable
   * @param message the whole message, naming the variable
   * @param cause the underlying failure, or {@code null}
   * @since 0.1.0
   */
  public ConfigException(String setting, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.setting = requireNonNull(setting, "setting");
  }

  /**
   * The environment variable of the bad setting.
   *
   * @return for example {@code A2A_MAX_STREAMS}
   * @since 0.1.0
   */
  public String setting() {
    return setting;
  }
}
