package io.agentmetrics.supervisor.otel;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An OpenTelemetry SDK that keeps every span and metric in memory, for assertions. */
final class OtelTesting implements AutoCloseable {

  final InMemorySpanExporter spanExporter = InMemorySpanExporter.create();
  final InMemoryMetricReader metricReader = InMemoryMetricReader.create();
  final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spanExporter))
                  .build())
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metricReader).build())
          .build();

  OpenTelemetry openTelemetry() {
    return sdk;
  }

  List<SpanData> spans() {
    return spanExporter.getFinishedSpanItems();
  }

  Map<String, SpanData> spansByName() {
    return spans().stream().collect(Collectors.toMap(SpanData::getName, Function.identity()));
  }

  Map<String, MetricData> metricsByName() {
    Collection<MetricData> metrics = metricReader.collectAllMetrics();
    return metrics.stream().collect(Collectors.toMap(MetricData::getName, Function.identity()));
  }

  @Override
  public void close() {
    sdk.close();
  }
}
