package io.agentmetrics.a2a;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The server's package rules: DTOs carry the Jackson annotations, layers point one way, and the
 * server never imports the command-line tools.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.agentmetrics.a2a");

  private static final String[] TOOLS = {
    "io.agentmetrics.a2a.profile..", "io.agentmetrics.a2a.report.."
  };

  /**
   * The server never imports the command-line tools ({@code profile}, {@code trace-report} and
   * their HTML reports): only {@code Main} and {@code DemoCommand}, which start those commands,
   * may. What the two sides share is the stage vocabulary ({@code stage}) and the stylesheet
   * ({@code style}).
   */
  static final ArchRule SERVER_NEVER_IMPORTS_THE_TOOLS =
      noClasses()
          .that()
          .resideOutsideOfPackages(TOOLS)
          .and()
          .doNotHaveFullyQualifiedName("io.agentmetrics.a2a.Main")
          .and()
          .doNotHaveFullyQualifiedName("io.agentmetrics.a2a.DemoCommand")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(TOOLS)
          .because("the profiler and the reports are tools that run against the server");

  @Test
  void theServerNeverImportsTheProfilerOrTheReports() {
    SERVER_NEVER_IMPORTS_THE_TOOLS.check(CLASSES);
  }

  @Test
  void theRuleCatchesAServerClassThatImportsTheProfiler() throws ClassNotFoundException {
    JavaClasses offender =
        new ClassFileImporter()
            .importClasses(Class.forName("io.agentmetrics.a2a.trace.ImportsTheProfiler"));

    assertThat(SERVER_NEVER_IMPORTS_THE_TOOLS.evaluate(offender).hasViolation()).isTrue();
  }

  @Test
  void theToolsReadNoServerPackageButTheStageVocabularyAndTheStylesheet() {
    noClasses()
        .that()
        .resideInAnyPackage(TOOLS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.agentmetrics.a2a",
            "io.agentmetrics.a2a.agent..",
            "io.agentmetrics.a2a.dashboard..",
            "io.agentmetrics.a2a.dto..",
            "io.agentmetrics.a2a.http..",
            "io.agentmetrics.a2a.jsonrpc..",
            "io.agentmetrics.a2a.otel..",
            "io.agentmetrics.a2a.store..",
            "io.agentmetrics.a2a.task..",
            "io.agentmetrics.a2a.telex..",
            "io.agentmetrics.a2a.trace..")
        .check(CLASSES);
  }

  @Test
  void onlyDtosUseJacksonAnnotations() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.agentmetrics.a2a.dto..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.fasterxml.jackson.annotation..")
        .check(CLASSES);
  }

  @Test
  void dtosDependOnNoOtherServerPackage() {
    noClasses()
        .that()
        .resideInAPackage("io.agentmetrics.a2a.dto..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.agentmetrics.a2a",
            "io.agentmetrics.a2a.agent..",
            "io.agentmetrics.a2a.http..",
            "io.agentmetrics.a2a.jsonrpc..",
            "io.agentmetrics.a2a.store..",
            "io.agentmetrics.a2a.task..",
            "io.agentmetrics.a2a.telex..",
            "io.agentmetrics.a2a.trace..",
            "io.agentmetrics.a2a.otel..",
            "io.agentmetrics.a2a.v1..")
        .check(CLASSES);
  }

  @Test
  void innerLayersDoNotReachOutToHttpOrTheRootPackage() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.agentmetrics.a2a.agent..",
            "io.agentmetrics.a2a.store..",
            "io.agentmetrics.a2a.task..",
            "io.agentmetrics.a2a.telex..",
            "io.agentmetrics.a2a.trace..",
            "io.agentmetrics.a2a.jsonrpc..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.agentmetrics.a2a", "io.agentmetrics.a2a.http..", "io.agentmetrics.a2a.v1..")
        .check(CLASSES);
  }

  @Test
  void theServerUsesNoOtherModulesInternals() {
    noClasses()
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.agentmetrics..internal..")
                .and(resideOutsideOfPackage("io.agentmetrics.a2a..")))
        .because("an internal package may change at any time and is private to its module")
        .check(CLASSES);
  }

  @Test
  void onlyTheEntryPointAndTraceAppenderTouchLogback() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("io.agentmetrics.a2a.ServeCommand")
        .and()
        .doNotHaveFullyQualifiedName("io.agentmetrics.a2a.ServeCommand$Shutdown")
        .and()
        // with its nested classes (the drop counter's listener)
        .doNotHaveFullyQualifiedName("io.agentmetrics.a2a.trace.TraceLogAppender")
        .and()
        .haveNameNotMatching("io\\.agentmetrics\\.a2a\\.trace\\.TraceLogAppender\\$.*")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("ch.qos.logback..")
        .check(CLASSES);
  }
}
