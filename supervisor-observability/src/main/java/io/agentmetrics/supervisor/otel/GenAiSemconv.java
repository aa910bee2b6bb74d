package io.agentmetrics.supervisor.otel;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * Names from the OpenTelemetry GenAI semantic conventions, and the {@code agentmetrics.*} names
 * this module adds. Kept here rather than taken from an incubating semconv artifact, so that the
 * library depends on {@code opentelemetry-api} alone.
 *
 * <p>The GenAI conventions moved out of open-telemetry/semantic-conventions (v1.41) into
 * open-telemetry/semantic-conventions-genai, which has no release or tag yet. The names, units,
 * attributes and bucket boundaries below follow that repository at {@value #GENAI_COMMIT}, schema
 * {@value #GENAI_SCHEMA_URL} (development status): {@code model/gen-ai/metrics.yaml} and {@code
 * model/gen-ai/token-metrics.yaml} for names, units and attributes; the explicit bucket boundaries
 * from {@code docs/gen-ai/client-inference.md}, {@code docs/gen-ai/gen-ai-token-metrics.md} and
 * {@code docs/gen-ai/gen-ai-metrics.md}. An agent is a client: it exports no {@code
 * gen_ai.server.*} metric, which the conventions keep for model servers.
 */
final class GenAiSemconv {

  /** The semantic-conventions-genai commit these names follow. */
  static final String GENAI_COMMIT = "066d4a7f356f8600de6f10c42874626ab88692fb";

  /** The schema URL of the GenAI conventions at {@link #GENAI_COMMIT}. */
  static final String GENAI_SCHEMA_URL = "https://opentelemetry.io/schemas/gen-ai-dev/1.42.0-dev";

  static final AttributeKey<String> OPERATION_NAME = stringKey("gen_ai.operation.name");
  static final AttributeKey<String> PROVIDER_NAME = stringKey("gen_ai.provider.name");
  static final AttributeKey<String> REQUEST_MODEL = stringKey("gen_ai.request.model");
  static final AttributeKey<String> RESPONSE_MODEL = stringKey("gen_ai.response.model");
  static final AttributeKey<Boolean> REQUEST_STREAM = booleanKey("gen_ai.request.stream");
  static final AttributeKey<Double> RESPONSE_TIME_TO_FIRST_CHUNK =
      doubleKey("gen_ai.response.time_to_first_chunk");
  static final AttributeKey<String> AGENT_NAME = stringKey("gen_ai.agent.name");
  static final AttributeKey<String> AGENT_ID = stringKey("gen_ai.agent.id");
  static final AttributeKey<String> WORKFLOW_NAME = stringKey("gen_ai.workflow.name");
  static final AttributeKey<String> CONVERSATION_ID = stringKey("gen_ai.conversation.id");
  static final AttributeKey<String> TOOL_NAME = stringKey("gen_ai.tool.name");
  static final AttributeKey<Long> USAGE_INPUT_TOKENS = longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<String> TOKEN_MODALITY = stringKey("gen_ai.token.modality");
  static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");

  static final AttributeKey<String> EXECUTION_ID = stringKey("agentmetrics.execution.id");
  static final AttributeKey<String> RUN_ID = stringKey("agentmetrics.run.id");
  static final AttributeKey<String> PHASE_NAME = stringKey("agentmetrics.phase.name");
  static final AttributeKey<String> PHASE_CATEGORY = stringKey("agentmetrics.phase.category");
  static final AttributeKey<Boolean> PHASE_PARALLEL = booleanKey("agentmetrics.phase.parallel");
  static final AttributeKey<Boolean> PHASE_CLOSED_BY_COLLECTOR =
      booleanKey("agentmetrics.phase.closed_by_collector");
  static final AttributeKey<Double> USAGE_COST_USD = doubleKey("agentmetrics.usage.cost_usd");

  static final String OPERATION_INVOKE_AGENT = "invoke_agent";
  static final String OPERATION_INVOKE_WORKFLOW = "invoke_workflow";
  static final String OPERATION_CHAT = "chat";
  static final String OPERATION_EXECUTE_TOOL = "execute_tool";

  /** The modality of tokens the clients count: every request and answer is text. */
  static final String MODALITY_TEXT = "text";

  /** The modality of the 0 recorded for an inference that reported no usage. */
  static final String MODALITY_UNKNOWN = "unknown";

  /** The conventions' fallback value for an attribute whose real value is not reported. */
  static final String OTHER_VALUE = "_OTHER";

  /** Phase names and categories that are folded, or have no category, report as this. */
  static final String OTHER_PHASE = "other";

  static final String INVOKE_AGENT_DURATION = "gen_ai.invoke_agent.duration";
  static final String INVOKE_WORKFLOW_DURATION = "gen_ai.invoke_workflow.duration";
  static final String EXECUTE_TOOL_DURATION = "gen_ai.execute_tool.duration";
  static final String INFERENCE_DURATION = "gen_ai.client.inference.duration";
  static final String INFERENCE_TIME_TO_FIRST_CHUNK = "gen_ai.client.inference.time_to_first_chunk";
  static final String INFERENCE_TIME_PER_OUTPUT_CHUNK =
      "gen_ai.client.inference.time_per_output_chunk";
  static final String INFERENCE_USAGE_INPUT_TOKENS = "gen_ai.client.inference.usage.input_tokens";
  static final String INFERENCE_USAGE_OUTPUT_TOKENS = "gen_ai.client.inference.usage.output_tokens";
  static final String INFERENCE_OPERATION_INPUT_TOKENS =
      "gen_ai.client.inference.operation.input_tokens";
  static final String INFERENCE_OPERATION_OUTPUT_TOKENS =
      "gen_ai.client.inference.operation.output_tokens";

  static final String INFERENCE_COST = "agentmetrics.gen_ai.client.inference.cost";
  static final String INVOKE_AGENT_COST = "agentmetrics.gen_ai.invoke_agent.cost";
  static final String PHASE_DURATION = "agentmetrics.phase.duration";

  /** The unit of the cost metrics: US dollars, which UCUM has no unit for. */
  static final String USD = "{USD}";

  /**
   * The boundaries the conventions recommend for {@code gen_ai.client.inference.duration}, {@code
   * .time_to_first_chunk}, {@code .time_per_output_chunk} and {@code gen_ai.execute_tool.duration},
   * in seconds.
   */
  static final List<Double> DURATION_BUCKETS =
      List.of(
          0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);

  /** The boundaries the conventions recommend for {@code gen_ai.invoke_agent.duration}. */
  static final List<Double> INVOKE_AGENT_BUCKETS =
      List.of(0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 51.2, 102.4, 204.8, 409.6);

  /** The boundaries the conventions recommend for {@code gen_ai.invoke_workflow.duration}. */
  static final List<Double> INVOKE_WORKFLOW_BUCKETS =
      List.of(1.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0, 7200.0);

  /**
   * The boundaries the conventions recommend for {@code
   * gen_ai.client.inference.operation.input_tokens} and {@code .output_tokens}.
   */
  static final List<Long> TOKEN_BUCKETS =
      List.of(
          1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L, 1048576L, 4194304L,
          16777216L, 67108864L);

  /**
   * Boundaries for {@code agentmetrics.gen_ai.invoke_agent.cost}, in US dollars: roughly two per
   * decade from a hundredth of a cent to $10, with $0.01 among them, so that a backend answers "how
   * many tasks cost at most $0.01" exactly, and does so across replicas.
   */
  static final List<Double> COST_BUCKETS =
      List.of(0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0);

  /**
   * Boundaries for {@code agentmetrics.phase.duration}: the GenAI duration buckets extended down to
   * a millisecond, because phases such as database queries are far shorter than an LLM call.
   */
  static final List<Double> PHASE_DURATION_BUCKETS =
      List.of(
          0.001, 0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24,
          20.48, 40.96, 81.92);

  private GenAiSemconv() {}

  /**
   * The conventions' well-known {@code gen_ai.provider.name} for a client's provider id: the Gemini
   * API ({@code generativelanguage.googleapis.com}) is {@code gcp.gemini}; other ids, {@code
   * openai} among them, are used as they are.
   */
  static String providerName(String provider) {
    return "gemini".equals(provider) ? "gcp.gemini" : provider;
  }
}
