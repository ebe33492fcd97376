package cn.suixin.agent;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.suixin.agent");

  /**
   * The two places where threads of the agent's own are allowed: jSerialComm's reader, and the
   * in-memory cable of --simulate standing in for it. Everything else holds state on one context.
   */
  private static final String THREAD_EDGES =
      "cn\\.suixin\\.agent\\.serial\\.(JSerialCommLink|InMemorySerialPair)(\\$.*)?";

  @Test
  void byte_protocols_are_pure() {
    noClasses()
        .that()
        .resideInAnyPackage("..agent.escpos..", "..agent.pad..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.fazecast..",
            "io.vertx..",
            "java.nio.file..",
            "java.net..",
            "org.slf4j..",
            "java.util.concurrent..")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .check(MAIN);
  }

  @Test
  void the_offline_issuer_is_pure() {
    noClasses()
        .that()
        .haveSimpleNameStartingWith("OfflineIssuer")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.vertx..", "java.nio..", "java.io..")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .check(MAIN);
  }

  @Test
  void state_holding_classes_use_no_executors_futures_of_their_own_or_threads() {
    noClasses()
        .that()
        .haveNameNotMatching(THREAD_EDGES)
        .should()
        .dependOnClassesThat(
            resideInAPackage("java.util.concurrent..").and(not(equivalentTo(TimeUnit.class))))
        .orShould()
        .callMethod(Thread.class, "start")
        .orShould()
        .callMethod(Thread.class, "sleep", long.class)
        .orShould()
        .callMethodWhere(target(name("wait").or(name("notify")).or(name("notifyAll"))))
        .orShould()
        .callMethodWhere(target(name("executeBlocking")))
        .because(
            "the agent's state belongs to its verticle's context: serial callbacks hop onto"
                + " it, timers are Vert.x timers, and nothing moves work to a thread of its own")
        .check(MAIN);
  }

  @Test
  void state_holding_classes_need_no_volatile_fields_and_no_locks() {
    noFields()
        .that()
        .areDeclaredInClassesThat()
        .haveNameNotMatching(THREAD_EDGES)
        .should()
        .haveModifier(JavaModifier.VOLATILE)
        .because("a field read and written on one context needs no memory barrier of its own")
        .check(MAIN);
    noMethods()
        .that()
        .areDeclaredInClassesThat()
        .haveNameNotMatching(THREAD_EDGES)
        .should()
        .haveModifier(JavaModifier.SYNCHRONIZED)
        .because("one context runs one task at a time: there is nothing to lock against")
        .check(MAIN);
  }

  /**
   * ArchUnit sees synchronized methods but not synchronized blocks: those are read in the source.
   */
  @Test
  void state_holding_sources_hold_no_synchronized_block() throws IOException {
    Pattern block = Pattern.compile("\\bsynchronized\\s*\\(");
    Pattern edge = Pattern.compile(".*/serial/(JSerialCommLink|InMemorySerialPair)\\.java");
    List<Path> locking;
    try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
      locking =
          sources
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !edge.matcher(p.toString()).matches())
              .filter(p -> block.matcher(read(p)).find())
              .toList();
    }
    assertThat(locking).isEmpty();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void only_one_class_touches_jserialcomm() {
    noClasses()
        .that()
        .doNotHaveSimpleName("JSerialCommLink")
        .and()
        .haveNameNotMatching(".*JSerialCommLink\\$.*")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.fazecast..")
        .check(MAIN);
  }
}
