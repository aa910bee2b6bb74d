package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.dto.AgentCard;
import io.agentmetrics.a2a.v1.ProtocolVersion;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The agent card. {@code /.well-known/agent-card.json} serves the A2A 1.0 card, which lists the 1.0
 * and 0.3 interfaces, unless the request asks for 0.3 with {@code A2A-Version: 0.3}; {@code
 * /.well-known/agent.json} (where Telex and 0.2/0.3 clients look) always serves the 0.3 card.
 * Always public, even when a bearer token is required for the A2A methods.
 *
 * <p>The well-known card of 1.0 and of 0.3 share one path, and neither TCK sends {@code
 * A2A-Version} when it fetches it; the 1.0 card is the default because the 1.0 TCK validates it
 * against a schema that admits no 0.3 field, while 0.3 clients find the 0.3 card at {@code
 * agent.json}. See docs/a2a-server.md, "Agent cards".
 */
final class AgentCardRoute implements Route {

  private final ObjectMapper mapper;
  private final Supplier<AgentCard> card;
  private final Supplier<byte[]> v1Card;

  AgentCardRoute(ObjectMapper mapper, Supplier<AgentCard> card, Supplier<byte[]> v1Card) {
    this.mapper = mapper;
    this.card = card;
    this.v1Card = v1Card;
  }

  @Override
  public void handle(Request request, Response response, Callback callback) {
    if (Routes.methodAllowed(mapper, request, response, callback, "GET")) {
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=300");
      String version = JsonRpcRoute.version(request);
      boolean v03 =
          !Request.getPathInContext(request).endsWith("/agent-card.json")
              || (version != null
                  && ProtocolVersion.of(version).orElse(null) == ProtocolVersion.V0_3);
      if (!v03) {
        HttpJson.write(response, callback, HttpStatus.OK_200, v1Card.get());
      } else {
        HttpJson.write(mapper, response, callback, HttpStatus.OK_200, card.get());
      }
    }
  }
}
