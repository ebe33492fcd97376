package cn.suixin.hall.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NodeSettingsTest {
  @TempDir Path dir;

  @Test
  void the_shipped_loopback_node_reads_as_the_environment_would_say_it() {
    Map<String, String> env =
        NodeSettings.read(Path.of("..", "config", "nodes", "loopback-1.yaml"));
    assertThat(env)
        .containsEntry("SUIXIN_PORT", "8081")
        .containsEntry("SUIXIN_DATA", "data/node1")
        .containsEntry("SUIXIN_STORE", "redis")
        .containsEntry("SUIXIN_REDIS", "redis://127.0.0.1:6379")
        .containsEntry("SUIXIN_CLUSTER", "true")
        .containsEntry("SUIXIN_CLUSTER_HOST", "127.0.0.1")
        .containsEntry("SUIXIN_CLUSTER_PORT", "5801")
        .containsEntry("SUIXIN_CLUSTER_BUS_PORT", "5811")
        .containsEntry("SUIXIN_CLUSTER_MEMBERS", "127.0.0.1:5801,127.0.0.1:5802,127.0.0.1:5803");
  }

  @Test
  void a_missing_or_empty_file_says_nothing() throws Exception {
    assertThat(NodeSettings.read(dir.resolve("absent.yaml"))).isEmpty();
    assertThat(NodeSettings.read(Files.writeString(dir.resolve("empty.yaml"), "# nothing yet\n")))
        .isEmpty();
  }

  @Test
  void unknown_and_duplicate_settings_and_broken_yaml_are_refused_with_the_file_named()
      throws Exception {
    Path unknown = Files.writeString(dir.resolve("unknown.yaml"), "port: 8080\nprot: 8081\n");
    assertThatThrownBy(() -> NodeSettings.read(unknown))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("unknown.yaml")
        .hasMessageContaining("unknown setting prot");
    Path twice = Files.writeString(dir.resolve("twice.yaml"), "port: 8080\nport: 8081\n");
    assertThatThrownBy(() -> NodeSettings.read(twice))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("twice.yaml")
        .hasMessageContaining("duplicate key 'port'");
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "port: [8080\n");
    assertThatThrownBy(() -> NodeSettings.read(broken))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("broken.yaml")
        .hasMessageContaining("not valid YAML");
  }
}
