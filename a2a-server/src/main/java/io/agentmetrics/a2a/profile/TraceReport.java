package io.agentmetrics.a2a.profile;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The result of reading one trace log: what was read and skipped, how events were paired, and the
 * analysis. {@link #read} is the whole pipeline: parse, correlate, analyse.
 *
 * @param source the file name, or {@code stdin}
 * @param parse what the parser read and skipped
 * @param pairedById sends matched to their agent detail by an id
 * @param pairedByOrder sends matched by log order
 * @param unpairedAgents agent details with no send event
 * @param analysis per-stage statistics, shares, overhead, left-out and slowest sends, and goals
 * @param usage the tokens and cost of the agent runs, paired or not
 */
record TraceReport(
    String source,
    TraceLogParser.ParseStats parse,
    long pairedById,
    long pairedByOrder,
    long unpairedAgents,
    TraceAnalysis analysis,
    TraceUsage usage) {

  TraceReport {
    requireNonNull(source, "source");
    requireNonNull(parse, "parse");
    requireNonNull(analysis, "analysis");
    requireNonNull(usage, "usage");
  }

  static TraceReport read(String source, Reader in, int top) throws IOException {
    TraceAnalysis analysis = new TraceAnalysis(top);
    TraceCorrelator correlator = new TraceCorrelator(analysis);
    TraceUsage usage = new TraceUsage();
    TraceLogParser parser = new TraceLogParser(ProfileJson.mapper());
    parser.parse(
        in,
        event -> {
          analysis.recordStages(event);
          usage.accept(event);
          correlator.accept(event);
        });
    correlator.finish();
    return new TraceReport(
        source,
        parser.stats(),
        correlator.pairedById(),
        correlator.pairedByOrder(),
        correlator.unpairedAgents(),
        analysis,
        usage);
  }

  boolean hasEvents() {
    return parse.sendEvents + parse.agentEvents > 0;
  }

  boolean goalsFailed() {
    return analysis.goals().containsValue(StageGoal.Status.FAIL);
  }

  Optional<LatencyStats> overhead() {
    return analysis.overhead().getTotalCount() == 0
        ? Optional.empty()
        : Optional.of(LatencyStats.of(analysis.overhead()));
  }

  /** One paragraph reading the numbers, e.g. for the demo and the top of the HTML report. */
  String reading() {
    StringBuilder text = new StringBuilder();
    List<TraceAnalysis.StageRow> rows = analysis.stageRows();
    rows.stream()
        .filter(row -> row.summary().name().equals(Stages.LLM_INVOCATION))
        .filter(row -> !Double.isNaN(row.share()))
        .findFirst()
        .ifPresent(
            row -> {
              text.append(Stages.LLM_INVOCATION)
                  .append(" is ")
                  .append(Formats.percent(row.share()))
                  .append(" of end-to-end time");
              if (analysis.leftOutCount() > 0) {
                text.append(
                    String.format(
                        Locale.ROOT,
                        " (%,d of %s left out)",
                        analysis.leftOutCount(),
                        Formats.count(analysis.sends(), "send")));
              }
              text.append("; ");
            });
    overhead()
        .ifPresent(
            stats ->
                text.append("non-LLM overhead p99 ")
                    .append(Formats.ms(stats.p99()))
                    .append(" ms; "));
    Map<StageGoal, StageGoal.Status> goals = analysis.goals();
    long checked = goals.values().stream().filter(s -> s != StageGoal.Status.NO_DATA).count();
    long failed = goals.values().stream().filter(s -> s == StageGoal.Status.FAIL).count();
    if (checked == 0) {
      text.append("no stage with a goal was traced.");
    } else if (failed == 0) {
      text.append(
          String.format(
              Locale.ROOT,
              "%s within the seed's goals.",
              checked == goals.size() ? "all " + checked + " stages" : checked + " traced stages"));
    } else {
      text.append(failed).append(" of ").append(checked).append(" goals missed: ");
      text.append(
          String.join(
              ", ",
              goals.entrySet().stream()
                  .filter(e -> e.getValue() == StageGoal.Status.FAIL)
                  .map(e -> e.getKey().stage())
                  .toList()));
      text.append('.');
    }
    return text.toString();
  }
}
