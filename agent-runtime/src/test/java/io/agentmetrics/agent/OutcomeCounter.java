package io.agentmetrics.agent;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.MetricsSink;
import java.util.concurrent.atomic.LongAdder;

// snippet: sink
/** Counts finished executions by outcome: the kind of small sink an application writes. */
final class OutcomeCounter implements MetricsSink {
  private final LongAdder succeeded = new LongAdder();
  private final LongAdder failed = new LongAdder();

  @Override
  public void onExecutionCompleted(CompletedExecution execution) {
    (execution.outcome().success() ? succeeded : failed).increment();
  }

  long succeeded() {
    return succeeded.sum();
  }

  long failed() {
    return failed.sum();
  }
}
// end-snippet
