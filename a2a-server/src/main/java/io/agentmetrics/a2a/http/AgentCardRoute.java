package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.dto.AgentCard;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The agent card at {@code /.well-known/agent-card.json} and {@code /.well-known/agent.json}.
 * Always public, even when a bearer token is required for JSON-RPC; like every JSON answer, never
 * stored by a cache.
 */
final class AgentCardRoute implements Route {

  private final ObjectMapper mapper;
  private final Supplier<AgentCard> card;

  AgentCardRoute(ObjectMapper mapper, Supplier<AgentCard> card) {
    this.mapper = mapper;
    this.card = card;
  }

  @Override
  public void handle(Request request, Response response, Callback callback) {
    if (Routes.methodAllowed(mapper, request, response, callback, "GET")) {
      HttpJson.write(mapper, response, callback, HttpStatus.OK_200, card.get());
    }
  }
}
