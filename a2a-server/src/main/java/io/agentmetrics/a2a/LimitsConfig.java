package io.agentmetrics.a2a;

import static io.agentmetrics.a2a.ConfigChecks.atLeast;
import static io.agentmetrics.a2a.ConfigChecks.positive;

import io.agentmetrics.agent.config.ConfigException;

/**
 * How much one client may ask of the server: request size, JSON shape, message shape, and memory
 * and streams held for requests in flight.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxBodyBytes the largest request body accepted; larger bodies get HTTP 413 ({@code
 *     A2A_MAX_BODY_BYTES})
 * @param maxInflightBytes the most bytes held for requests in flight (their bodies, and the tasks
 *     that {@code tasks/get} returns), at least {@code maxBodyBytes}; beyond it requests get HTTP
 *     503 ({@code A2A_MAX_INFLIGHT_BYTES})
 * @param maxNestingDepth the deepest JSON nesting accepted ({@code A2A_MAX_JSON_DEPTH})
 * @param maxStringLength the longest JSON string accepted, in characters ({@code
 *     A2A_MAX_STRING_LENGTH})
 * @param maxJsonTokens the most JSON tokens in one request ({@code A2A_MAX_JSON_TOKENS})
 * @param maxParts the most parts one message may have ({@code A2A_MAX_PARTS})
 * @param maxTextLength the longest text part accepted, in characters ({@code A2A_MAX_TEXT_LENGTH})
 * @param maxStreams how many Server-Sent Event streams may be open at once ({@code
 *     A2A_MAX_STREAMS})
 * @param maxStreamsPerTask how many Server-Sent Event streams one task may have open at once
 *     ({@code A2A_MAX_STREAMS_PER_TASK})
 * @since 0.1.0
 */
public record LimitsConfig(
    int maxBodyBytes,
    long maxInflightBytes,
    int maxNestingDepth,
    int maxStringLength,
    int maxJsonTokens,
    int maxParts,
    int maxTextLength,
    int maxStreams,
    int maxStreamsPerTask) {

  /** Default body limit: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  /**
   * Default bytes held for requests in flight: a 32nd of the maximum heap, and never less than the
   * body limit (so that the largest body always fits).
   */
  public static final long DEFAULT_INFLIGHT_HEAP_SHARE = ServerConfig.heapShare(32);

  /** Default JSON nesting limit. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 32;

  /** Default JSON string limit, in characters. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 256 * 1024;

  /** Default JSON token limit: room for some 16,000 Telex conversation items of six tokens. */
  public static final int DEFAULT_MAX_JSON_TOKENS = 100_000;

  /** Default parts-per-message limit. */
  public static final int DEFAULT_MAX_PARTS = 64;

  /** Default text-part limit, in characters. */
  public static final int DEFAULT_MAX_TEXT_LENGTH = 64 * 1024;

  /** Default cap on open Server-Sent Event streams. */
  public static final int DEFAULT_MAX_STREAMS = 1000;

  /** Default cap on open Server-Sent Event streams per task. */
  public static final int DEFAULT_MAX_STREAMS_PER_TASK = 10;

  /**
   * Checks every field.
   *
   * @throws ConfigException naming the first bad setting and what it allows
   */
  public LimitsConfig {
    positive(maxBodyBytes, "A2A_MAX_BODY_BYTES");
    atLeast(
        maxInflightBytes,
        maxBodyBytes,
        "A2A_MAX_INFLIGHT_BYTES",
        "A2A_MAX_BODY_BYTES, so that the largest body fits");
    positive(maxNestingDepth, "A2A_MAX_JSON_DEPTH");
    positive(maxStringLength, "A2A_MAX_STRING_LENGTH");
    positive(maxJsonTokens, "A2A_MAX_JSON_TOKENS");
    positive(maxParts, "A2A_MAX_PARTS");
    positive(maxTextLength, "A2A_MAX_TEXT_LENGTH");
    positive(maxStreams, "A2A_MAX_STREAMS");
    positive(maxStreamsPerTask, "A2A_MAX_STREAMS_PER_TASK");
  }

  /**
   * The {@code DEFAULT_*} limits.
   *
   * @return the default limits
   * @since 0.1.0
   */
  public static LimitsConfig defaults() {
    return new LimitsConfig(
        DEFAULT_MAX_BODY_BYTES,
        Math.max(DEFAULT_INFLIGHT_HEAP_SHARE, DEFAULT_MAX_BODY_BYTES),
        DEFAULT_MAX_NESTING_DEPTH,
        DEFAULT_MAX_STRING_LENGTH,
        DEFAULT_MAX_JSON_TOKENS,
        DEFAULT_MAX_PARTS,
        DEFAULT_MAX_TEXT_LENGTH,
        DEFAULT_MAX_STREAMS,
        DEFAULT_MAX_STREAMS_PER_TASK);
  }
}
