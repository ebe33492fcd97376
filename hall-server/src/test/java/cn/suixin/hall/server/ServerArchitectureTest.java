package cn.suixin.hall.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The server's rooms and the doors between them (docs/architecture.md draws them): no package
 * reaches back into one that depends on it, the lower layers know nothing of the web, and a hall's
 * state changes only where events are applied.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServerArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.suixin.hall");

  /** The mutable classes of a hall's state. */
  private static final Set<String> STATE =
      Set.of(
          "HallState",
          "Ticket",
          "WindowState",
          "MatterQueue",
          "ServiceRecord",
          "NumberBlock",
          "Counter");

  /**
   * Who may write the state's fields: the applier with its two parts (how tickets move, how a day
   * turns), and the image that restores a snapshot.
   */
  private static final Set<String> WRITERS =
      Set.of("EventApplier", "TicketMoves", "DayTurn", "HallImages");

  @Test
  void the_packages_of_the_server_have_no_cycles() {
    slices().matching("cn.suixin.hall.server.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void engine_config_store_and_server_have_no_cycles() {
    slices().matching("cn.suixin.hall.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void the_engine_and_the_store_know_nothing_of_the_server() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(
                "cn.suixin.hall.engine..", "cn.suixin.hall.store..", "cn.suixin.hall.config..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("cn.suixin.hall.server..")
            .because("the server adapts the core to the world, never the other way round");
    rule.check(MAIN);
  }

  @Test
  void codecs_and_views_know_nothing_of_the_web_or_the_hall_owner() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(
                "cn.suixin.hall.server.codec..",
                "cn.suixin.hall.server.view..",
                "cn.suixin.hall.server.auth..",
                "cn.suixin.hall.server.identity..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "cn.suixin.hall.server.hall..",
                "cn.suixin.hall.server.http..",
                "cn.suixin.hall.server.web..",
                "cn.suixin.hall.server.live..",
                "cn.suixin.hall.server.agent..",
                "cn.suixin.hall.server.app..")
            .because("they translate and present; they do not route, serve or own");
    rule.check(MAIN);
  }

  @Test
  void the_hall_owner_knows_nothing_of_http_sockets_or_the_agent() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("cn.suixin.hall.server.hall..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "cn.suixin.hall.server.http..",
                "cn.suixin.hall.server.web..",
                "cn.suixin.hall.server.live..",
                "cn.suixin.hall.server.agent..",
                "cn.suixin.hall.server.app..")
            .because("a hall is served the same whichever door a command came in by");
    rule.check(MAIN);
  }

  @Test
  void only_the_applier_writes_a_halls_state() {
    DescribedPredicate<JavaFieldAccess> stateWrite =
        DescribedPredicate.describe(
            "a write to a field of the hall's state",
            access ->
                access.getAccessType() == JavaFieldAccess.AccessType.SET
                    && access.getTargetOwner().getPackageName().equals("cn.suixin.hall.engine")
                    && STATE.contains(access.getTargetOwner().getSimpleName())
                    && !access.getOrigin().isConstructor()
                    && !access.getOrigin().getOwner().equals(access.getTargetOwner()));
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("cn.suixin.hall..")
            .and(
                DescribedPredicate.describe(
                    "are not the applier or the snapshot image",
                    (com.tngtech.archunit.core.domain.JavaClass c) ->
                        !WRITERS.contains(topLevel(c))))
            .should()
            .accessFieldWhere(stateWrite)
            .because("only events change a hall's state, so a replay rebuilds it exactly");
    rule.check(MAIN);
  }

  @Test
  void the_parts_of_the_applier_are_used_by_the_applier_only() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("cn.suixin.hall..")
            .and(
                DescribedPredicate.describe(
                    "are not the applier or its parts",
                    (com.tngtech.archunit.core.domain.JavaClass c) ->
                        !Set.of("EventApplier", "TicketMoves", "DayTurn").contains(topLevel(c))))
            .should()
            .dependOnClassesThat()
            .haveSimpleName("TicketMoves")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleName("DayTurn")
            .because("they write state, so deciding a command must never reach them");
    rule.check(MAIN);
  }

  private static String topLevel(com.tngtech.archunit.core.domain.JavaClass c) {
    String name = c.getName().substring(c.getPackageName().length() + 1);
    int inner = name.indexOf('$');
    return inner < 0 ? name : name.substring(0, inner);
  }
}
