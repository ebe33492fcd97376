package cn.suixin.hall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The visitor over commands names every kind: a command record added without its case fails here
 * (and, as every dispatch over commands is a visitor, does not compile anywhere it is dispatched).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HallCommandVisitorTest {

  @Test
  void every_kind_of_command_is_a_record() {
    assertThat(CommandKinds.all())
        .isNotEmpty()
        .allSatisfy(k -> assertThat(k.isRecord()).as(k.getName()).isTrue());
  }

  @Test
  void every_kind_of_command_has_its_own_case_in_the_visitor() {
    List<Class<?>> cases =
        Arrays.stream(HallCommand.Visitor.class.getDeclaredMethods())
            .map(m -> m.getParameterTypes()[0])
            .toList();
    List<String> missing = new ArrayList<>();
    for (Class<?> kind : CommandKinds.all()) {
      if (!cases.contains(kind)) {
        missing.add(kind.getSimpleName());
      }
    }
    assertThat(missing).as("commands without a case in HallCommand.Visitor").isEmpty();
    assertThat(cases)
        .as("one case per command, none for a command that is gone")
        .hasSize(CommandKinds.all().size())
        .doesNotHaveDuplicates();
  }

  @Test
  void every_command_is_handed_to_the_case_for_its_own_kind() throws ReflectiveOperationException {
    for (Class<?> kind : CommandKinds.all()) {
      AtomicReference<Method> called = new AtomicReference<>();
      HallCommand.Visitor<?> visitor =
          (HallCommand.Visitor<?>)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {HallCommand.Visitor.class},
                  (proxy, method, args) -> {
                    called.set(method);
                    return null;
                  });
      CommandKinds.sample(kind).accept(visitor);
      assertThat(called.get()).as("case called for %s", kind.getSimpleName()).isNotNull();
      assertThat(called.get().getParameterTypes()[0])
          .as("case called for %s", kind.getSimpleName())
          .isEqualTo(kind);
    }
  }
}
