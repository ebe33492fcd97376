package cn.suixin.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("cn.suixin.agent");

  @Test
  void byte_protocols_are_pure() {
    noClasses().that().resideInAnyPackage("..agent.escpos..", "..agent.pad..")
        .should().dependOnClassesThat().resideInAnyPackage("com.fazecast..", "io.vertx..",
            "java.nio.file..", "java.net..", "org.slf4j..", "java.util.concurrent..")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.time.Instant.class, "now")
        .check(MAIN);
  }

  @Test
  void the_offline_issuer_is_pure() {
    noClasses().that().haveSimpleNameStartingWith("OfflineIssuer")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "java.nio..", "java.io..")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .check(MAIN);
  }

  @Test
  void only_one_class_touches_jserialcomm() {
    noClasses().that().doNotHaveSimpleName("JSerialCommLink")
        .and().haveNameNotMatching(".*JSerialCommLink\\$.*")
        .should().dependOnClassesThat().resideInAPackage("com.fazecast..")
        .check(MAIN);
  }
}
