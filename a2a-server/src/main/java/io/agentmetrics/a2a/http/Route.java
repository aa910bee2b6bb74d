package io.agentmetrics.a2a.http;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** One path's handler; answers every method, with 405 for those it does not serve. */
@FunctionalInterface
interface Route {

  void handle(Request request, Response response, Callback callback) throws Exception;
}
