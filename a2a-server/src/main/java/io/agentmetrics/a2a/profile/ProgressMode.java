package io.agentmetrics.a2a.profile;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How {@code profile} shows progress while it runs. */
enum ProgressMode {
  /** Per-request lines at concurrency 1, a bar on a terminal, periodic lines otherwise. */
  AUTO,
  /** A live bar redrawn in place. */
  BAR,
  /** One line per tenth of the run (or every few seconds for a time-bound run). */
  LINES,
  /** Nothing until the results. */
  NONE;

  /** Accepts the names in any case. */
  static final class Converter implements ITypeConverter<ProgressMode> {
    @Override
    public ProgressMode convert(String value) {
      try {
        return ProgressMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a progress mode: use auto, bar, lines or none");
      }
    }
  }
}
