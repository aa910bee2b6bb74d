package io.agentmetrics.a2a.http;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Opens an OpenTelemetry SERVER span around every request and makes it current, so spans the agent
 * creates (through the supervisor bridge) become its children. Incoming W3C trace context is
 * honoured. Span names use the route, never the raw path, and a method the HTTP semantic
 * conventions know, else {@code HTTP} (the method then {@code _OTHER}), to keep cardinality bounded
 * whatever method token a client sends.
 *
 * <p>Thread-safe.
 */
final class ServerSpanHandler extends Handler.Wrapper {

  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> METHOD_ORIGINAL =
      AttributeKey.stringKey("http.request.method_original");

  /** The methods the conventions name; any other is reported as {@value #OTHER_METHOD}. */
  private static final Set<String> KNOWN_METHODS =
      Set.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE");

  private static final String OTHER_METHOD = "_OTHER";
  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<Long> STATUS =
      AttributeKey.longKey("http.response.status_code");

  private static final TextMapGetter<Request> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Request carrier) {
          return carrier.getHeaders().getFieldNamesCollection();
        }

        @Override
        public @Nullable String get(@Nullable Request carrier, String key) {
          return carrier == null ? null : carrier.getHeaders().get(key);
        }
      };

  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;
  private final Set<String> routes;

  ServerSpanHandler(OpenTelemetry openTelemetry, Set<String> routes, Handler next) {
    super(next);
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer("io.agentmetrics.a2a");
    this.routes = Set.copyOf(routes);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Context parent =
        openTelemetry
            .getPropagators()
            .getTextMapPropagator()
            .extract(Context.root(), request, HEADERS);
    String path = Request.getPathInContext(request);
    String route = routes.contains(path) ? path : "unmatched";
    String method = request.getMethod();
    boolean known = KNOWN_METHODS.contains(method);
    SpanBuilder builder =
        tracer
            .spanBuilder((known ? method : "HTTP") + " " + route)
            .setSpanKind(SpanKind.SERVER)
            .setParent(parent)
            .setAttribute(METHOD, known ? method : OTHER_METHOD)
            .setAttribute(ROUTE, route);
    if (!known) {
      builder.setAttribute(METHOD_ORIGINAL, method);
    }
    Span span = builder.startSpan();
    Callback ending = new EndSpanCallback(callback, span, response);
    Scope scope = span.makeCurrent();
    try {
      return super.handle(request, response, ending);
    } catch (Exception | Error e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      span.end();
      throw e;
    } finally {
      scope.close();
    }
  }

  /** Ends the span when the response completes, recording the status code. */
  private static final class EndSpanCallback implements Callback {
    private final Callback delegate;
    private final Span span;
    private final Response response;

    EndSpanCallback(Callback delegate, Span span, Response response) {
      this.delegate = delegate;
      this.span = span;
      this.response = response;
    }

    @Override
    public void succeeded() {
      end(null);
      delegate.succeeded();
    }

    @Override
    public void failed(Throwable failure) {
      end(failure);
      delegate.failed(failure);
    }

    @Override
    public InvocationType getInvocationType() {
      return delegate.getInvocationType();
    }

    private void end(@Nullable Throwable failure) {
      int status = response.getStatus();
      span.setAttribute(STATUS, (long) status);
      if (failure != null || status >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
      span.end();
    }
  }
}
