package cn.suixin.agent.serial;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class SocatPairTest {

  private static final Path NO_SOCAT = Path.of("/nonexistent/socat");

  @Test
  void a_missing_socat_fails_the_serial_tests_under_ci() {
    assertThatThrownBy(() -> SocatPair.assumeInstalled(NO_SOCAT, Map.of("CI", "true")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("/nonexistent/socat");
  }

  @Test
  void a_missing_socat_skips_them_on_a_developers_machine() {
    assertThatThrownBy(() -> SocatPair.assumeInstalled(NO_SOCAT, Map.of()))
        .isInstanceOf(TestAbortedException.class);
    assertThatThrownBy(() -> SocatPair.assumeInstalled(NO_SOCAT, Map.of("CI", "false")))
        .isInstanceOf(TestAbortedException.class);
  }

  @Test
  void an_installed_socat_lets_them_run() {
    Path anExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
    assertThatCode(() -> SocatPair.assumeInstalled(anExecutable, Map.of("CI", "true")))
        .doesNotThrowAnyException();
  }
}
