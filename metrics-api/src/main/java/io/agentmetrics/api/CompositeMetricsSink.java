package io.agentmetrics.api;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/** The sink behind {@link MetricsSink#composite}: every sink in turn, each one isolated. */
final class CompositeMetricsSink implements MetricsSink {

  private final MetricsSink[] sinks;
  private final SinkFailureHandler onFailure;

  CompositeMetricsSink(List<? extends MetricsSink> sinks, SinkFailureHandler onFailure) {
    requireNonNull(sinks, "sinks");
    this.sinks = new MetricsSink[sinks.size()];
    for (int i = 0; i < this.sinks.length; i++) {
      this.sinks[i] = requireNonNull(sinks.get(i), "sinks[" + i + "]");
    }
    this.onFailure = requireNonNull(onFailure, "onFailure");
  }

  @Override
  public void onExecutionCompleted(CompletedExecution execution) {
    for (MetricsSink sink : sinks) {
      try {
        sink.onExecutionCompleted(execution);
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable failure) {
        report(sink, execution, failure);
      }
    }
  }

  private void report(MetricsSink sink, CompletedExecution execution, Throwable failure) {
    try {
      onFailure.onSinkFailure(sink, execution, failure);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable handlerFailure) {
      // The handler could not report this failure; the other sinks must still get the execution.
    }
  }

  @Override
  public String toString() {
    return "MetricsSink.composite" + Arrays.toString(sinks);
  }
}
