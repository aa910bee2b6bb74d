package io.agentmetrics.benchmarks;

import io.agentmetrics.api.TimeSource;
import io.agentmetrics.api.TimingBreakdown;
import io.agentmetrics.core.EnhancedExecutionTimingCollector;
import io.agentmetrics.core.ExecutionTimingCollector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One agent execution of eight sequential phases, timed by agentmetrics and by the references.
 *
 * <p>Every benchmark is one whole execution, so the score is the time per execution and {@code
 * -prof gc}'s {@code gc.alloc.rate.norm} is the bytes allocated per execution:
 *
 * <ul>
 *   <li>{@link #enhancedCollector} and {@link #baseCollector}: a fresh collector, eight phases
 *       started and stopped, then {@code getBreakdown()}. The enhanced collector also records one
 *       metric per categorized phase (seven of the eight). The execution id is made once: an agent
 *       gets it with the request, and {@code UUID.randomUUID()} would measure {@code SecureRandom}.
 *   <li>{@link #enhancedCollectorSixteenPhases}: the same with the eight phases run twice. Its
 *       bytes per operation less {@link #enhancedCollector}'s are what eight more phases allocate:
 *       with {@code -prof gc}, the check that a phase allocates one small object.
 *   <li>{@link #nanoTimeFloor}: the sixteen {@code System.nanoTime()} reads any phase timer needs.
 *   <li>{@link #micrometerTimers}: eight {@code Timer.Sample} start/stop pairs on pre-registered
 *       timers that publish the 0.5, 0.95 and 0.99 percentiles (a {@code SimpleMeterRegistry}).
 *   <li>{@link #openTelemetrySpans}: a parent span with eight child spans from the SDK, always
 *       sampled, with a span processor that requires neither start nor end callbacks: spans record
 *       everything in memory and are then dropped. This is OpenTelemetry's cheapest recording
 *       set-up, so the ratio against it is the strictest one.
 *   <li>{@link #openTelemetrySpansExported}: the same with a {@code SimpleSpanProcessor} handing
 *       each ended span, converted to {@code SpanData}, to an exporter that discards it: the work a
 *       real synchronous export adds before any I/O.
 * </ul>
 *
 * @since 0.1.0
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExecutionBenchmark {

  /** The phases of the execution: the seven category ids and one uncategorized phase. */
  static final String[] PHASES = {
    "initialization",
    "queue_wait",
    "database_query",
    "llm_processing",
    "tool_execution",
    "external_api",
    "websocket_notification",
    "response_formatting"
  };

  private static final String AGENT = "benchmark-agent";

  private final UUID executionId = UUID.randomUUID();
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final Timer[] timers = new Timer[PHASES.length];
  private final SdkTracerProvider recordingProvider =
      SdkTracerProvider.builder()
          .setSampler(Sampler.alwaysOn())
          .addSpanProcessor(new RecordOnlySpanProcessor())
          .build();
  private final SdkTracerProvider exportingProvider =
      SdkTracerProvider.builder()
          .setSampler(Sampler.alwaysOn())
          .addSpanProcessor(SimpleSpanProcessor.create(new DiscardingSpanExporter()))
          .build();
  private final Tracer recordingTracer = recordingProvider.get(ExecutionBenchmark.class.getName());
  private final Tracer exportingTracer = exportingProvider.get(ExecutionBenchmark.class.getName());

  /**
   * Registers the Micrometer timers up front; JMH creates this state once per trial and thread,
   * outside the measurement.
   */
  public ExecutionBenchmark() {
    for (int i = 0; i < PHASES.length; i++) {
      timers[i] =
          Timer.builder("agent.phase")
              .tag("phase", PHASES[i])
              .publishPercentiles(0.5, 0.95, 0.99)
              .register(registry);
    }
  }

  /** Shuts the tracer providers down. */
  @TearDown(Level.Trial)
  public void tearDown() {
    recordingProvider.close();
    exportingProvider.close();
    registry.close();
  }

  /** The floor: the clock reads of eight phases, and nothing else. */
  @Benchmark
  public long nanoTimeFloor() {
    long sum = 0;
    for (int i = 0; i < PHASES.length; i++) {
      long start = System.nanoTime();
      sum += System.nanoTime() - start;
    }
    return sum;
  }

  /** A fresh enhanced collector, eight phases, then the breakdown. */
  @Benchmark
  public TimingBreakdown enhancedCollector() {
    return timePhases(new EnhancedExecutionTimingCollector(executionId, AGENT)).getBreakdown();
  }

  /** A fresh enhanced collector, the eight phases twice over, then the breakdown. */
  @Benchmark
  public TimingBreakdown enhancedCollectorSixteenPhases() {
    return timePhases(timePhases(new EnhancedExecutionTimingCollector(executionId, AGENT)))
        .getBreakdown();
  }

  /** A fresh base collector, eight phases, then the breakdown. */
  @Benchmark
  public TimingBreakdown baseCollector() {
    return timePhases(new ExecutionTimingCollector(executionId, AGENT, TimeSource.system()))
        .getBreakdown();
  }

  /** Starts and stops each of the {@link #PHASES} in turn. */
  private static ExecutionTimingCollector timePhases(ExecutionTimingCollector collector) {
    for (String phase : PHASES) {
      collector.startPhase(phase);
      collector.stopPhase(phase);
    }
    return collector;
  }

  /** Eight Micrometer timer samples on timers with client-side percentiles. */
  @Benchmark
  public void micrometerTimers(Blackhole blackhole) {
    for (Timer timer : timers) {
      Timer.Sample sample = Timer.start(registry);
      blackhole.consume(sample.stop(timer));
    }
  }

  /** A parent span and eight child spans, recorded and then dropped. */
  @Benchmark
  public void openTelemetrySpans() {
    traceExecution(recordingTracer);
  }

  /** A parent span and eight child spans, each exported to a discarding exporter as it ends. */
  @Benchmark
  public void openTelemetrySpansExported() {
    traceExecution(exportingTracer);
  }

  private static void traceExecution(Tracer tracer) {
    Span execution = tracer.spanBuilder("agent.execution").startSpan();
    Context parent = Context.root().with(execution);
    for (String phase : PHASES) {
      tracer.spanBuilder(phase).setParent(parent).startSpan().end();
    }
    execution.end();
  }

  /**
   * Asks for no callbacks, so that the SDK records each sampled span and skips every processor
   * call: the cheapest way to keep spans recording.
   */
  static final class RecordOnlySpanProcessor implements SpanProcessor {

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
      return false;
    }
  }

  /** Receives every exported batch and keeps nothing. */
  static final class DiscardingSpanExporter implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
