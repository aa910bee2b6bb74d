package io.agentmetrics.agent.config;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A setting has a value that cannot be used. The message names the setting's environment variable,
 * what it allows and the value it got, for example {@code LLM_MAX_ATTEMPTS must be a whole number
 * of attempts, from 1 to 10, got "50"}; {@link #setting()} gives the variable.
 *
 * <p>The one exception of every agentmetrics module that reads settings (agent-runtime's LLM
 * clients and prices, the sample server's configuration), so that an application's entry point
 * catches one type and reports it as a usage error: the server's {@code serve} prints it with its
 * usage line and exits with status 2.
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
   * @return for example {@code LLM_MAX_ATTEMPTS}
   * @since 0.1.0
   */
  public String setting() {
    return setting;
  }
}
