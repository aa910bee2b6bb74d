package io.agentmetrics.a2a;

import io.agentmetrics.agent.llm.FinishReason;
import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.LlmRequest;
import io.agentmetrics.agent.llm.LlmResponse;
import io.agentmetrics.agent.llm.LlmStreamListener;
import java.util.concurrent.CompletableFuture;

/**
 * An OpenAI-like model that streams three chunks and reports 812 input and 96 output tokens for
 * every call, answering as {@code gpt-4o-mini-2024-07-18}: at the default price of {@code
 * gpt-4o-mini} ($0.15 and $0.60 per million) each call costs 812 x 0.15 / 1e6 + 96 x 0.60 / 1e6 =
 * $0.0001794.
 */
final class FixedUsageLlm implements LlmClient {

  static final long INPUT_TOKENS = 812;
  static final long OUTPUT_TOKENS = 96;
  static final double COST_USD = 0.0001794;

  @Override
  public String provider() {
    return "openai";
  }

  @Override
  public String model() {
    return "gpt-4o-mini";
  }

  @Override
  public LlmResponse generate(LlmRequest request) {
    return generateStreaming(request, LlmStreamListener.ignoring());
  }

  @Override
  public LlmResponse generateStreaming(LlmRequest request, LlmStreamListener listener) {
    for (String chunk : new String[] {"Study ", "in ", "short blocks."}) {
      listener.onToken(chunk);
    }
    return new LlmResponse(
        "Study in short blocks.",
        "gpt-4o-mini-2024-07-18",
        "openai",
        (int) INPUT_TOKENS,
        (int) OUTPUT_TOKENS,
        FinishReason.STOP);
  }

  @Override
  public CompletableFuture<LlmResponse> stream(LlmRequest request, LlmStreamListener listener) {
    return CompletableFuture.completedFuture(generateStreaming(request, listener));
  }

  @Override
  public void close() {}
}
