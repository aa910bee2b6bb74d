package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.report.DashboardPage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /dashboard}: the live stage charts of {@link DashboardPage}, one self-contained HTML
 * page that refreshes itself from {@code /metrics/summary}. The page is rendered once, with a
 * Content-Security-Policy that lets it run its own inline script and style (by their SHA-256
 * hashes) and fetch from its own origin, and nothing else: no other script, no frame around it, no
 * form or base URL.
 */
final class DashboardRoute implements Route {

  private static final String HTML = "text/html;charset=utf-8";
  private static final Pattern INLINE =
      Pattern.compile("<(script|style)>(.*?)</\\1>", Pattern.DOTALL);

  private final ObjectMapper mapper;
  private final byte[] page;
  private final String policy;

  DashboardRoute(ObjectMapper mapper) {
    this.mapper = mapper;
    String html = DashboardPage.render();
    this.page = html.getBytes(StandardCharsets.UTF_8);
    this.policy = contentSecurityPolicy(html);
  }

  @Override
  public void handle(Request request, Response response, Callback callback) {
    if (Routes.methodAllowed(mapper, request, response, callback, "GET")) {
      response.setStatus(HttpStatus.OK_200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, HTML);
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      response.getHeaders().put("Content-Security-Policy", policy);
      response.write(true, ByteBuffer.wrap(page), callback);
    }
  }

  /** The policy of a page whose only code is its inline {@code <script>} and {@code <style>}. */
  static String contentSecurityPolicy(String html) {
    StringBuilder scripts = new StringBuilder();
    StringBuilder styles = new StringBuilder();
    Matcher inline = INLINE.matcher(html);
    while (inline.find()) {
      ("script".equals(inline.group(1)) ? scripts : styles)
          .append(" 'sha256-")
          .append(Base64.getEncoder().encodeToString(Sha256.of(inline.group(2))))
          .append('\'');
    }
    return "default-src 'none'; script-src"
        + (scripts.isEmpty() ? " 'none'" : scripts)
        + "; style-src"
        + (styles.isEmpty() ? " 'none'" : styles)
        + "; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none';"
        + " frame-ancestors 'none'";
  }
}
