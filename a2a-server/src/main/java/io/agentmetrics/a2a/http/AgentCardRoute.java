package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.dto.AgentCard;
import io.agentmetrics.a2a.v1.V1Binding;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The agent card. {@code /.well-known/agent.json} (where Telex and 0.2 clients look) serves the 0.3
 * card; {@code /.well-known/agent-card.json} serves the 1.0 card to {@code A2A-Version: 1.0}, the
 * 0.3 card to {@code A2A-Version: 0.3}, and to a request naming no version the card {@code
 * A2A_AGENT_CARD} picks: the union of both (default) or the 1.0 card. Always public, even when a
 * bearer token is required for the A2A methods; like every JSON answer, never stored by a cache.
 */
final class AgentCardRoute implements Route {

  private final ObjectMapper mapper;
  private final Supplier<AgentCard> card;
  private final V1Binding v1;

  AgentCardRoute(ObjectMapper mapper, Supplier<AgentCard> card, V1Binding v1) {
    this.mapper = mapper;
    this.card = card;
    this.v1 = v1;
  }

  @Override
  public void handle(Request request, Response response, Callback callback) {
    if (Routes.methodAllowed(mapper, request, response, callback, "GET")) {
      byte[] wellKnown =
          Request.getPathInContext(request).endsWith("/agent-card.json")
              ? v1.wellKnownCard(card.get(), JsonRpcRoute.version(request))
              : null;
      if (wellKnown != null) {
        HttpJson.write(response, callback, HttpStatus.OK_200, wellKnown);
      } else {
        HttpJson.write(mapper, response, callback, HttpStatus.OK_200, card.get());
      }
    }
  }
}
