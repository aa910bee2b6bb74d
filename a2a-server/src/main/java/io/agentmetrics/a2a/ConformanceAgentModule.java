package io.agentmetrics.a2a;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import io.agentmetrics.a2a.agent.ConformanceAgent;
import io.agentmetrics.a2a.agent.TaskProcessor;

/**
 * Replaces the study agent with the official TCK's scenario agent ({@code A2A_AGENT=conformance});
 * install it over {@link A2aServerModule} with {@link com.google.inject.util.Modules#override}.
 *
 * <p>Bindings: {@link TaskProcessor}, the {@link ConformanceAgent}, and {@code @Named(}{@value
 * A2aServerModule#LLM_LABEL}{@code ) String}, its label. Stateless: every instance is equal.
 *
 * @since 0.1.0
 */
public final class ConformanceAgentModule extends AbstractModule {

  @Provides
  @Singleton
  TaskProcessor conformanceAgent() {
    return new ConformanceAgent();
  }

  @Provides
  @Named(A2aServerModule.LLM_LABEL)
  String llmLabel() {
    return ConformanceAgent.LABEL;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConformanceAgentModule;
  }

  @Override
  public int hashCode() {
    return ConformanceAgentModule.class.hashCode();
  }
}
