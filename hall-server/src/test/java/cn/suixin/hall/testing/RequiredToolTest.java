package cn.suixin.hall.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.TestAbortedException;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RequiredToolTest {
  private static final Path MISSING = Path.of("/nonexistent/tool");

  @ParameterizedTest
  @EnumSource(RequiredTool.class)
  void a_missing_tool_fails_its_tests_under_ci(RequiredTool tool) {
    assertThatThrownBy(() -> tool.require(MISSING, Map.of("CI", "true")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("/nonexistent/tool")
        .hasMessageContaining("CI=true");
  }

  @ParameterizedTest
  @EnumSource(RequiredTool.class)
  void a_missing_tool_skips_its_tests_on_a_developers_machine_saying_what_is_missing(
      RequiredTool tool) {
    assertThatThrownBy(() -> tool.require(MISSING, Map.of()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("/nonexistent/tool is missing");
    assertThatThrownBy(() -> tool.require(MISSING, Map.of("CI", "false")))
        .isInstanceOf(TestAbortedException.class);
  }

  @ParameterizedTest
  @EnumSource(RequiredTool.class)
  void an_installed_tool_lets_them_run(RequiredTool tool) {
    Path anExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
    assertThatCode(() -> tool.require(anExecutable, Map.of("CI", "true")))
        .doesNotThrowAnyException();
    assertThat(tool.executable()).isAbsolute();
  }
}
