package io.agentmetrics.a2a.profile;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.stage.SendSpan;
import io.agentmetrics.a2a.stage.Stage;
import java.util.List;
import java.util.Locale;

/**
 * Whether a send and its task can be put in one end-to-end time, and that time.
 *
 * <p>A send is consistent when its request stages ({@link Stage#REQUEST_PARTS}, one after the other
 * on the request thread) fit in its {@code total}, and its task's stages ({@link Stage#TASK_PARTS})
 * fit in its {@code task_total}; in a log without {@code task_total}, as the seed's, the agent
 * stages must fit in {@code agent_processing}, where the seed's guide puts them. Its end-to-end
 * time is then {@link SendSpan#endToEndMs}, which the server's {@code /metrics/summary} uses too:
 * its {@code total} with {@code agent_processing} replaced by the longer of {@code
 * agent_processing} and {@code task_total}, so that the shares of a consistent send's stages add up
 * to at most 100%.
 *
 * <p>Anything else is left out, with the reason: no {@code total}, no agent detail, or stages that
 * add up to more than the total they belong to (an edited log, or a server that does not log {@code
 * task_total} and answered before its task ended).
 */
sealed interface SendCheck {

  /**
   * Slack for adding up logged values ({@link SendSpan#EPSILON_MS}). Logs rounded to the nearest
   * microsecond (this server's before it logged stages rounded down and totals up) can fail by a
   * microsecond, and are then left out, never stretched to fit.
   */
  double EPSILON_MS = SendSpan.EPSILON_MS;

  /**
   * A send that fits its totals.
   *
   * @param endToEndMs total − agent_processing + max(agent_processing, task_total)
   * @param agentSpanMs max(agent_processing, task_total): the part of the end-to-end time the task
   *     service had the message
   */
  record Consistent(double endToEndMs, double agentSpanMs) implements SendCheck {}

  /** A send left out of the shares and the overhead, and why. */
  record LeftOut(Reason reason, String detail) implements SendCheck {
    public LeftOut {
      requireNonNull(reason, "reason");
      requireNonNull(detail, "detail");
    }
  }

  /** Why a send is left out. */
  enum Reason {
    NO_TOTAL,
    REQUEST_STAGES_EXCEED_TOTAL,
    NO_AGENT_DETAIL,
    TASK_STAGES_EXCEED_TASK_TOTAL,
    AGENT_STAGES_EXCEED_AGENT_PROCESSING;

    /** The reason as a JSON key, e.g. {@code no_agent_detail}. */
    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static SendCheck of(TraceCorrelator.Pair pair) {
    TraceEvent.Request request = pair.request();
    if (!request.timings().containsKey(Stage.TOTAL.id())) {
      return new LeftOut(Reason.NO_TOTAL, "the event has no total");
    }
    double total = request.stage(Stage.TOTAL.id());
    double requestParts = sum(request, Stage.REQUEST_PARTS);
    if (requestParts > total + EPSILON_MS) {
      return new LeftOut(
          Reason.REQUEST_STAGES_EXCEED_TOTAL,
          exceeds(request, Stage.REQUEST_PARTS, requestParts, Stage.TOTAL.id(), total));
    }
    TraceEvent.Agent agent = pair.agent();
    if (agent == null) {
      return new LeftOut(
          Reason.NO_AGENT_DETAIL,
          "no agent_processing_detail: the send failed before its turn ran, the turn failed or was"
              + " cancelled, or the line is missing");
    }
    double agentProcessing = request.stage(Stage.AGENT_PROCESSING.id());
    double taskParts = sum(agent, Stage.TASK_PARTS);
    if (agent.timings().containsKey(Stage.TASK_TOTAL.id())) {
      double taskTotal = agent.stage(Stage.TASK_TOTAL.id());
      if (taskParts > taskTotal + EPSILON_MS) {
        return new LeftOut(
            Reason.TASK_STAGES_EXCEED_TASK_TOTAL,
            exceeds(agent, Stage.TASK_PARTS, taskParts, Stage.TASK_TOTAL.id(), taskTotal));
      }
      return new Consistent(
          SendSpan.endToEndMs(total, agentProcessing, taskTotal),
          SendSpan.agentSpanMs(agentProcessing, taskTotal));
    }
    if (taskParts > agentProcessing + EPSILON_MS) {
      return new LeftOut(
          Reason.AGENT_STAGES_EXCEED_AGENT_PROCESSING,
          exceeds(agent, Stage.TASK_PARTS, taskParts, Stage.AGENT_PROCESSING.id(), agentProcessing)
              + ", and the log has no task_total (a non-blocking send, from a server that did not"
              + " log it?)");
    }
    return new Consistent(total, agentProcessing);
  }

  private static double sum(TraceEvent event, List<Stage> stages) {
    double sum = 0;
    for (Stage stage : stages) {
      sum += event.stage(stage.id());
    }
    return sum;
  }

  /** For example {@code json_parsing + agent_processing = 5.800 ms > total 3.000 ms}. */
  private static String exceeds(
      TraceEvent event, List<Stage> parts, double sum, String whole, double wholeMs) {
    List<String> logged =
        parts.stream().map(Stage::id).filter(event.timings()::containsKey).toList();
    return String.format(
        Locale.ROOT, "%s = %.3f ms > %s %.3f ms", String.join(" + ", logged), sum, whole, wholeMs);
  }
}
