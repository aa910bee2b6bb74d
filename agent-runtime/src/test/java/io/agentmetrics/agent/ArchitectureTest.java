package io.agentmetrics.agent;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.agentmetrics.api.Preconditions;

@AnalyzeClasses(
    packages = "io.agentmetrics.agent",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule runtimeDependsOnNoFrameworkOrBackend =
      noClasses()
          .that()
          .resideInAPackage("io.agentmetrics.agent..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.google.inject..",
              "io.opentelemetry..",
              "ch.qos.logback..",
              "org.eclipse.jetty..")
          .because(
              "the runtime is a plain library: wiring, export and servers live in later modules");

  @ArchTest
  static final ArchRule llmClientsDoNotDependOnTheAgentRuntime =
      noClasses()
          .that()
          .resideInAPackage("io.agentmetrics.agent.llm..")
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(
                      "io.agentmetrics.agent", "io.agentmetrics.api..", "io.agentmetrics.core..")
                  .and(not(equivalentTo(Preconditions.class))))
          .because(
              "the LLM clients are a layer below the agents and know nothing of metrics;"
                  + " the shared argument checks are not metrics");

  @ArchTest
  static final ArchRule runtimeUsesNoOtherModulesInternals =
      noClasses()
          .that()
          .resideInAPackage("io.agentmetrics.agent..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.agentmetrics..internal..")
                  .and(resideOutsideOfPackage("io.agentmetrics.agent..")))
          .because("an internal package may change at any time and is private to its module");

  @ArchTest
  static final ArchRule runtimeDoesNotDependOnLaterModules =
      noClasses()
          .that()
          .resideInAPackage("io.agentmetrics.agent..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.agentmetrics.supervisor..", "io.agentmetrics.a2a..")
          .because("dependencies point one way: ... <- agent-runtime <- supervisor <- a2a-server");
}
