package io.agentmetrics.a2a.task;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * The push client's resolver: every new connection resolves its host through the {@link
 * PushAddressPolicy} and connects only to the addresses it checked, so DNS rebinding cannot swap in
 * an internal address between the check and the connect. A refused host fails the connection with a
 * {@link RefusedAddressException}.
 *
 * <p>Thread-safe. Resolution, which may block, runs on the given executor.
 */
final class CheckedAddressResolver implements SocketAddressResolver {

  private final PushAddressPolicy policy;
  private final Executor executor;

  CheckedAddressResolver(PushAddressPolicy policy, Executor executor) {
    this.policy = policy;
    this.executor = executor;
  }

  @Override
  public void resolve(
      String host,
      int port,
      Map<String, Object> context,
      Promise<List<InetSocketAddress>> promise) {
    executor.execute(
        () -> {
          try {
            List<InetAddress> addresses = policy.resolve(host);
            promise.succeeded(
                addresses.stream().map(address -> new InetSocketAddress(address, port)).toList());
          } catch (Exception e) {
            promise.failed(e);
          }
        });
  }
}
