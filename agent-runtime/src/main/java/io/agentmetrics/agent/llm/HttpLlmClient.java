package io.agentmetrics.agent.llm;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

/**
 * What the HTTP-backed clients share: a provider protocol over one {@link HttpLlmTransport}, which
 * owns timeouts, retries and error mapping. Thread-safe, as the transport is.
 */
abstract class HttpLlmClient implements LlmClient {

  private final ProviderProtocol protocol;
  private final HttpLlmTransport transport;

  HttpLlmClient(
      ProviderProtocol protocol,
      HttpTransportConfig transportConfig,
      SecretRedactor redactor,
      Sleeper sleeper,
      Clock clock,
      DoubleSupplier jitter) {
    this.protocol = protocol;
    this.transport =
        new HttpLlmTransport(protocol, transportConfig, redactor, sleeper, clock, jitter);
  }

  @Override
  public final String provider() {
    return protocol.provider();
  }

  @Override
  public final String model() {
    return protocol.model();
  }

  @Override
  public final LlmResponse generate(LlmRequest request) {
    return transport.generate(request);
  }

  @Override
  public final CompletableFuture<LlmResponse> stream(
      LlmRequest request, LlmStreamListener listener) {
    return transport.stream(request, listener);
  }

  @Override
  public final void close() {
    transport.close();
  }
}
