package io.agentmetrics.supervisor.otel;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * Names from the OpenTelemetry GenAI semantic conventions (development status, v1.41), and the
 * {@code agentmetrics.*} names this module adds. Kept here rather than taken from the incubating
 * semconv artifact, so that the library depends on {@code opentelemetry-api} alone.
 */
final class GenAiSemconv {

  static final AttributeKey<String> OPERATION_NAME = stringKey("gen_ai.operation.name");
  static final AttributeKey<String> PROVIDER_NAME = stringKey("gen_ai.provider.name");
  static final AttributeKey<String> REQUEST_MODEL = stringKey("gen_ai.request.model");
  static final AttributeKey<String> AGENT_NAME = stringKey("gen_ai.agent.name");
  static final AttributeKey<String> AGENT_ID = stringKey("gen_ai.agent.id");
  static final AttributeKey<String> CONVERSATION_ID = stringKey("gen_ai.conversation.id");
  static final AttributeKey<String> TOOL_NAME = stringKey("gen_ai.tool.name");
  static final AttributeKey<Long> USAGE_INPUT_TOKENS = longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<String> TOKEN_TYPE = stringKey("gen_ai.token.type");
  static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");

  static final AttributeKey<String> EXECUTION_ID = stringKey("agentmetrics.execution.id");
  static final AttributeKey<String> RUN_ID = stringKey("agentmetrics.run.id");
  static final AttributeKey<String> PHASE_NAME = stringKey("agentmetrics.phase.name");
  static final AttributeKey<String> PHASE_CATEGORY = stringKey("agentmetrics.phase.category");
  static final AttributeKey<Boolean> PHASE_PARALLEL = booleanKey("agentmetrics.phase.parallel");
  static final AttributeKey<Boolean> PHASE_CLOSED_BY_COLLECTOR =
      booleanKey("agentmetrics.phase.closed_by_collector");

  static final String OPERATION_INVOKE_AGENT = "invoke_agent";
  static final String OPERATION_CHAT = "chat";
  static final String OPERATION_EXECUTE_TOOL = "execute_tool";
  static final String TOKEN_TYPE_INPUT = "input";
  static final String TOKEN_TYPE_OUTPUT = "output";

  /** The conventions' fallback value for an attribute whose real value is not reported. */
  static final String OTHER_VALUE = "_OTHER";

  /** Phase names and categories that are folded, or have no category, report as this. */
  static final String OTHER_PHASE = "other";

  static final String SERVER_REQUEST_DURATION = "gen_ai.server.request.duration";
  static final String SERVER_TIME_TO_FIRST_TOKEN = "gen_ai.server.time_to_first_token";
  static final String CLIENT_OPERATION_DURATION = "gen_ai.client.operation.duration";
  static final String CLIENT_TOKEN_USAGE = "gen_ai.client.token.usage";
  static final String PHASE_DURATION = "agentmetrics.phase.duration";

  /**
   * The boundaries the conventions recommend for {@code gen_ai.client.operation.duration} and
   * {@code gen_ai.server.request.duration}, in seconds.
   */
  static final List<Double> DURATION_BUCKETS =
      List.of(
          0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);

  /** The boundaries the conventions recommend for {@code gen_ai.server.time_to_first_token}. */
  static final List<Double> TIME_TO_FIRST_TOKEN_BUCKETS =
      List.of(
          0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5,
          10.0);

  /** The boundaries the conventions recommend for {@code gen_ai.client.token.usage}. */
  static final List<Long> TOKEN_USAGE_BUCKETS =
      List.of(
          1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L, 1048576L, 4194304L,
          16777216L, 67108864L);

  /**
   * Boundaries for {@code agentmetrics.phase.duration}: the GenAI duration buckets extended down to
   * a millisecond, because phases such as database queries are far shorter than an LLM call.
   */
  static final List<Double> PHASE_DURATION_BUCKETS =
      List.of(
          0.001, 0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24,
          20.48, 40.96, 81.92);

  private GenAiSemconv() {}
}
