package io.agentmetrics.a2a.v1;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The A2A protocol versions this server speaks, and how a request names one (specification section
 * 3.6): the {@code A2A-Version} header, or the {@code A2A-Version} query parameter, holds {@code
 * Major.Minor}; a patch number is ignored, and no value at all means 0.3.
 *
 * @since 0.1.0
 */
public enum ProtocolVersion {
  /** A2A 0.3: the JSON-RPC methods {@code message/send}, {@code tasks/get}, ... */
  V0_3("0.3"),
  /** A2A 1.0: {@code SendMessage}, {@code GetTask}, ... over JSON-RPC and HTTP+JSON. */
  V1_0("1.0");

  /** The service parameter (header and query parameter) that names the version. */
  public static final String HEADER = "A2A-Version";

  private final String label;

  ProtocolVersion(String label) {
    this.label = label;
  }

  /**
   * The version as it appears on the wire and in the agent card.
   *
   * @return {@code 0.3} or {@code 1.0}
   * @since 0.1.0
   */
  public String label() {
    return label;
  }

  /**
   * The version a request asked for.
   *
   * @param requested the header's (or query parameter's) value, or {@code null} when absent
   * @return the version, or empty when the server does not speak it
   * @since 0.1.0
   */
  public static Optional<ProtocolVersion> of(@Nullable String requested) {
    if (requested == null || requested.isBlank()) {
      return Optional.of(V0_3);
    }
    String[] parts = requested.trim().split("\\.", -1);
    String major = parts[0];
    String minor = parts.length > 1 ? parts[1] : "0";
    for (ProtocolVersion version : values()) {
      String[] own = version.label.split("\\.", -1);
      if (own[0].equals(major) && own[1].equals(minor)) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }
}
