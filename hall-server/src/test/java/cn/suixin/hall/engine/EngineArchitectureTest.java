package cn.suixin.hall.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The engine stays pure: no framework, no I/O, no wall clock, so it replays bit for bit. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EngineArchitectureTest {
  private static final JavaClasses ENGINE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.suixin.hall.engine");

  @Test
  void the_engine_uses_no_vertx_io_network_or_serial_library() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("cn.suixin.hall.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "io.vertx..",
                "io.netty..",
                "java.io..",
                "java.net..",
                "java.nio..",
                "com.fazecast..",
                "java.sql..",
                "java.util.concurrent..",
                "com.fasterxml..",
                "org.slf4j..")
            .because("the engine is pure: time and data come in with commands and events");
    rule.check(ENGINE);
  }

  @Test
  void the_engine_never_reads_the_wall_clock() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("cn.suixin.hall.engine..")
            .should()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(LocalTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(System.class, "nanoTime")
            .orShould()
            .callMethod(Clock.class, "systemUTC")
            .orShould()
            .callMethod(Clock.class, "systemDefaultZone")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.util.Random")
            .because("replaying a hall's events must rebuild the same state");
    rule.check(ENGINE);
  }
}
