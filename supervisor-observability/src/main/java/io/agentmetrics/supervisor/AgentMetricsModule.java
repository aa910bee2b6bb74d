package io.agentmetrics.supervisor;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.agentmetrics.aggregator.MetricsAggregator;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.core.PerformanceAnalyzer;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Guice module that wires the whole SDK from one {@link AgentMetricsConfig}.
 *
 * <p>Bindings:
 *
 * <ul>
 *   <li>{@link AgentMetricsConfig}: the config given to the constructor;
 *   <li>{@link TimeSource}: {@link TimeSource#system()} by default, replaceable with {@code
 *       OptionalBinder.newOptionalBinder(binder(), TimeSource.class).setBinding()};
 *   <li>{@link MetricsAggregator}, singleton: a new aggregator for this injector, not {@link
 *       MetricsAggregator#global()} (which stays available to code outside the injector);
 *   <li>{@link PerformanceAnalyzer}, singleton;
 *   <li>{@code Set<MetricsSink>}: a multibinding that holds the aggregator; optional modules such
 *       as {@link io.agentmetrics.supervisor.otel.OpenTelemetryModule} add theirs;
 *   <li>{@link SupervisorObservability}, singleton: hands workflows to every sink in the set and
 *       records resource metrics into the aggregator.
 * </ul>
 *
 * <p>The module is fast and free of side effects: objects are built on first use. Two modules with
 * equal configs are equal, so installing one twice is harmless. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AgentMetricsModule extends AbstractModule {

  private final AgentMetricsConfig config;

  /** A module with the {@linkplain AgentMetricsConfig#defaults() default settings}. */
  public AgentMetricsModule() {
    this(AgentMetricsConfig.defaults());
  }

  /** A module with the given settings. */
  public AgentMetricsModule(AgentMetricsConfig config) {
    this.config = requireNonNull(config, "config");
  }

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), TimeSource.class)
        .setDefault()
        .toInstance(TimeSource.system());
    Multibinder.newSetBinder(binder(), MetricsSink.class).addBinding().to(MetricsAggregator.class);
  }

  @Provides
  @Singleton
  AgentMetricsConfig config() {
    return config;
  }

  @Provides
  @Singleton
  MetricsAggregator aggregator(TimeSource time) {
    return new MetricsAggregator(config.aggregator(), time);
  }

  @Provides
  @Singleton
  PerformanceAnalyzer analyzer() {
    return new PerformanceAnalyzer(config.analyzer());
  }

  @Provides
  @Singleton
  SupervisorObservability supervisorObservability(
      MetricsAggregator aggregator, Set<MetricsSink> sinks, TimeSource time) {
    return new SupervisorObservability(config.supervisor(), aggregator, List.copyOf(sinks), time);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof AgentMetricsModule module && module.config.equals(config);
  }

  @Override
  public int hashCode() {
    return AgentMetricsModule.class.hashCode() * 31 + config.hashCode();
  }
}
