package io.agentmetrics.core;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "io.agentmetrics.core",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreDependsOnNoFrameworkOrBackend =
      noClasses()
          .that()
          .resideInAPackage("io.agentmetrics.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.google.inject..",
              "com.fasterxml.jackson..",
              "io.opentelemetry..",
              "ch.qos.logback..")
          .because("core is a plain library: wiring, JSON and export live in later modules");

  @ArchTest
  static final ArchRule coreUsesNoOtherModulesInternals =
      noClasses()
          .that()
          .resideInAPackage("io.agentmetrics.core..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.agentmetrics..internal..")
                  .and(resideOutsideOfPackage("io.agentmetrics.core..")))
          .because("an internal package may change at any time and is private to its module");

  @ArchTest
  static final ArchRule collectorPartsArePackagePrivate =
      classes()
          .that()
          .haveSimpleName("Phase")
          .or()
          .haveSimpleName("BreakdownCalculator")
          .or()
          .haveSimpleName("CriticalPath")
          .or()
          .haveSimpleName("CollectorSummary")
          .should()
          .notBePublic()
          .because("the collector's parts are implementation; only the collectors are API");

  @ArchTest
  static final ArchRule coreDoesNotDependOnLaterModules =
      noClasses()
          .that()
          .resideInAPackage("io.agentmetrics.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.agentmetrics.aggregator..",
              "io.agentmetrics.agent..",
              "io.agentmetrics.supervisor..",
              "io.agentmetrics.a2a..")
          .because("dependencies point one way: api <- core <- aggregator <- ...");
}
