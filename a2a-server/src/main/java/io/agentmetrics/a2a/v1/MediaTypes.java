package io.agentmetrics.a2a.v1;

import io.agentmetrics.a2a.jsonrpc.JsonRpcEndpoint;
import org.jspecify.annotations.Nullable;

/** The media types an A2A 1.0 request body may declare. */
final class MediaTypes {

  private MediaTypes() {}

  /**
   * Whether {@code contentType} is {@code application/json} or {@code application/a2a+json} (the
   * HTTP+JSON binding's own type, section 11.1), with any parameters.
   */
  static boolean isJson(@Nullable String contentType) {
    String type = JsonRpcEndpoint.mediaType(contentType);
    return type.equals("application/json") || type.equals("application/a2a+json");
  }

  /** {@code ContentTypeNotSupportedError} for a body of {@code contentType}. */
  static A2aException notSupported(@Nullable String contentType) {
    return new A2aException(
        A2aError.CONTENT_TYPE_NOT_SUPPORTED,
        "Content type not supported: send the body as application/json or"
            + " application/a2a+json, not "
            + (contentType == null ? "without a Content-Type" : Sanitize.header(contentType)));
  }
}
