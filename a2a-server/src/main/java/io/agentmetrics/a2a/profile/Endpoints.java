package io.agentmetrics.a2a.profile;

import java.net.URI;

/** Joins a base URL and a path without doubling or dropping the slash between them. */
final class Endpoints {

  private Endpoints() {}

  static URI resolve(URI base, String path) {
    String left = base.toString();
    while (left.endsWith("/")) {
      left = left.substring(0, left.length() - 1);
    }
    return URI.create(left + (path.startsWith("/") ? path : "/" + path));
  }
}
