package io.agentmetrics.supervisor.otel;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.agentmetrics.api.MetricsSink;
import io.opentelemetry.api.OpenTelemetry;
import org.jspecify.annotations.Nullable;

/**
 * The optional Guice module that exports through OpenTelemetry: install it next to {@link
 * io.agentmetrics.supervisor.AgentMetricsModule}.
 *
 * <p>Bindings:
 *
 * <ul>
 *   <li>{@link OpenTelemetryBridge}, singleton, built from the bound {@link OpenTelemetry} and the
 *       {@link OpenTelemetryBridgeConfig} given to the constructor;
 *   <li>the bridge added to the {@code Set<MetricsSink>} multibinding.
 * </ul>
 *
 * <p>Requires a binding for {@link OpenTelemetry}, such as {@code
 * bind(OpenTelemetry.class).toInstance(sdk)}: the application owns the SDK's lifecycle. Two modules
 * with equal configs are equal, so installing one twice is harmless. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class OpenTelemetryModule extends AbstractModule {

  private final OpenTelemetryBridgeConfig config;

  /**
   * A module with the {@linkplain OpenTelemetryBridgeConfig#defaults() default bridge settings}.
   */
  public OpenTelemetryModule() {
    this(OpenTelemetryBridgeConfig.defaults());
  }

  /** A module with the given bridge settings. */
  public OpenTelemetryModule(OpenTelemetryBridgeConfig config) {
    this.config = requireNonNull(config, "config");
  }

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), MetricsSink.class)
        .addBinding()
        .to(OpenTelemetryBridge.class);
  }

  @Provides
  @Singleton
  OpenTelemetryBridge bridge(OpenTelemetry openTelemetry) {
    return new OpenTelemetryBridge(openTelemetry, config);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof OpenTelemetryModule module && module.config.equals(config);
  }

  @Override
  public int hashCode() {
    return OpenTelemetryModule.class.hashCode() * 31 + config.hashCode();
  }
}
