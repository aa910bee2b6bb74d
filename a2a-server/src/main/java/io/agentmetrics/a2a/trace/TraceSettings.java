package io.agentmetrics.a2a.trace;

import io.agentmetrics.agent.config.ConfigException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The latency-trace settings: {@code A2A_TRACE_LATENCY} (a boolean: {@code true}/{@code 1}/{@code
 * yes} for on, {@code false}/{@code 0}/{@code no} or unset for off, anything else an error), {@code
 * A2A_TRACE_SAMPLE_RATE} (0 to 1, default 1) and {@code A2A_TRACE_LOG_FILE} (default stdout).
 *
 * @param enabled whether trace events are written
 * @param sampleRate the fraction of requests traced
 * @param logFile the file to append to, or {@code null} for stdout
 * @since 0.1.0
 */
public record TraceSettings(boolean enabled, double sampleRate, @Nullable Path logFile) {

  /** Default sample rate: every request. */
  public static final double DEFAULT_SAMPLE_RATE = 1.0;

  /**
   * Checks the sample rate.
   *
   * @throws ConfigException naming {@code A2A_TRACE_SAMPLE_RATE} if the rate is not from 0 to 1
   */
  public TraceSettings {
    if (!(sampleRate >= 0 && sampleRate <= 1)) {
      throw new ConfigException("A2A_TRACE_SAMPLE_RATE", "a number from 0 to 1", sampleRate);
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
}
