package io.agentmetrics.a2a.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.lf.a2a.v1.AgentCard;
import io.agentmetrics.a2a.jsonrpc.JsonRpcEndpoint;
import io.agentmetrics.a2a.jsonrpc.MessageSender;
import io.agentmetrics.a2a.task.PushPayload;
import io.agentmetrics.a2a.task.TaskPushConfigs;
import io.agentmetrics.a2a.task.TaskService;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A2A 1.0 beside 0.3: picks the JSON-RPC endpoint for a request's {@code A2A-Version}, serves the
 * HTTP+JSON binding and the 1.0 agent card. Both bindings run the same {@link V1Operations} over
 * the server's one task service.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class V1Binding {

  /** The name a 1.0 push config is stored with, so that every replica posts it in 1.0. */
  public static final String PUSH_PROTOCOL = "1.0";

  private final V1JsonRpcEndpoint jsonRpc;
  private final RestDispatcher rest;
  private final ObjectMapper mapper;
  private final CardSettings cards;
  private volatile @Nullable Cards cached;

  /**
   * The 1.0 binding over the server's task service and send path.
   *
   * @param mapper the server's mapper (its parse limits apply to 1.0 bodies too)
   * @param tasks the task service
   * @param pushConfigs the tasks' push-notification configs
   * @param sender the send path shared with 0.3
   * @param pushNotifications whether push notifications are offered
   * @param cards which card the well-known path serves, and the signing key
   * @since 0.1.0
   */
  public V1Binding(
      ObjectMapper mapper,
      TaskService tasks,
      TaskPushConfigs pushConfigs,
      MessageSender sender,
      boolean pushNotifications,
      CardSettings cards) {
    this.mapper = mapper;
    this.cards = cards;
    WireMapping wire = new WireMapping();
    V1Operations operations = new V1Operations(tasks, pushConfigs, sender, wire, pushNotifications);
    this.jsonRpc = new V1JsonRpcEndpoint(mapper, operations, wire);
    this.rest = new RestDispatcher(mapper, operations, wire);
  }

  /**
   * The payloads of the push configs registered through 1.0, by the name they are stored with.
   *
   * @return {@link #PUSH_PROTOCOL} and the 1.0 payload
   * @since 0.1.0
   */
  public static Map<String, PushPayload> pushPayloads() {
    return Map.of(PUSH_PROTOCOL, V1Operations.PUSH_PAYLOAD);
  }

  /**
   * The JSON-RPC endpoint for a request: 0.3 without {@code A2A-Version} or with 0.3, 1.0 with 1.0,
   * and for any other version one that answers {@code -32009} VersionNotSupported. A 1.0 request
   * whose body is not declared JSON is refused before it is read, with HTTP 415 and {@code -32005}
   * ContentTypeNotSupported ({@link JsonRpcEndpoint#acceptsMediaType}).
   *
   * @param v03 the A2A 0.3 endpoint
   * @param version the {@code A2A-Version} header (or query parameter), if any
   * @return the endpoint to dispatch to
   * @since 0.1.0
   */
  public JsonRpcEndpoint select(JsonRpcEndpoint v03, @Nullable String version) {
    ProtocolVersion requested = ProtocolVersion.of(version).orElse(null);
    if (requested == ProtocolVersion.V0_3) {
      return v03;
    }
    if (requested == null) {
      return jsonRpc.refusing(V1JsonRpcEndpoint.versionNotSupported(version));
    }
    return jsonRpc;
  }

  /**
   * The HTTP+JSON binding.
   *
   * @return the dispatcher
   * @since 0.1.0
   */
  public RestDispatcher rest() {
    return rest;
  }

  /**
   * The card {@code /.well-known/agent-card.json} serves: the 1.0 card for {@code A2A-Version:
   * 1.0}, nothing (the caller serves the 0.3 card) for 0.3, and for a request naming no version the
   * card {@link CardSettings#wellKnown()} picks.
   *
   * @param card the 0.3 card of the agent
   * @param version the request's {@code A2A-Version}, if any
   * @return the JSON bytes, or {@code null} when the 0.3 card is wanted
   * @since 0.1.0
   */
  public byte @Nullable [] wellKnownCard(
      io.agentmetrics.a2a.dto.AgentCard card, @Nullable String version) {
    Cards built = cards(card);
    if (version == null || version.isBlank()) {
      return cards.wellKnown() == CardSettings.WellKnownCard.UNION ? built.union() : built.v1();
    }
    return ProtocolVersion.of(version).orElse(ProtocolVersion.V1_0) == ProtocolVersion.V0_3
        ? null
        : built.v1();
  }

  private Cards cards(io.agentmetrics.a2a.dto.AgentCard card) {
    Cards built = cached;
    if (built == null) {
      AgentCard v1 = AgentCardV1.of(card);
      if (cards.signer() != null) {
        v1 = cards.signer().sign(v1);
      }
      String json = ProtoJson.write(v1);
      built =
          new Cards(json.getBytes(StandardCharsets.UTF_8), AgentCardV1.union(mapper, card, json));
      cached = built;
    }
    return built;
  }

  /** The 1.0 card and the union card, built once: the card does not change while serving. */
  // Built once and served as they are, without a copy; never compared or hashed.
  @SuppressWarnings("ArrayRecordComponent")
  private record Cards(byte[] v1, byte[] union) {}
}
