package io.agentmetrics.supervisor;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private static final JavaClasses sdk =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(
              "io.agentmetrics.api",
              "io.agentmetrics.core",
              "io.agentmetrics.aggregator",
              "io.agentmetrics.supervisor");

  @Test
  void apiCoreAndAggregatorWorkWithoutGuice() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.agentmetrics.api..", "io.agentmetrics.core..", "io.agentmetrics.aggregator..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..")
        .check(sdk);
  }

  @Test
  void supervisorUsesNoOtherModulesInternals() {
    noClasses()
        .that()
        .resideInAPackage("io.agentmetrics.supervisor..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.agentmetrics..internal..")
                .and(resideOutsideOfPackage("io.agentmetrics.supervisor..")))
        .because("an internal package may change at any time and is private to its module")
        .check(sdk);
  }

  @Test
  void theBridgeUsesTheOpenTelemetryApiNeverTheSdk() {
    noClasses()
        .that()
        .resideInAPackage("io.agentmetrics.supervisor..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.opentelemetry.sdk..", "io.opentelemetry.exporter..")
        .check(sdk);
  }
}
