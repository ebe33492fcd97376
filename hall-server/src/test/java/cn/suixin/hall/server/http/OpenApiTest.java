package cn.suixin.hall.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** openapi.yaml and the router describe the same API: same paths, same methods. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpenApiTest {
  private static final Set<String> OPERATIONS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  @Test
  void every_route_of_the_router_is_in_openapi_yaml_and_every_documented_path_is_routed()
      throws Exception {
    Set<String> routed = new TreeSet<>();
    for (RegisteredRoutes.Endpoint e : RegisteredRoutes.all()) {
      if (isApi(e.path())) {
        routed.add(e.toString());
      }
    }
    Set<String> documented = documented();
    assertThat(routed).as("routed but not documented").isSubsetOf(documented);
    assertThat(documented).as("documented but not routed").isSubsetOf(routed);
  }

  @Test
  void every_documented_operation_says_what_it_answers() throws Exception {
    JsonNode paths = spec().get("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue()
          .fields()
          .forEachRemaining(
              op -> {
                if (OPERATIONS.contains(op.getKey())) {
                  assertThat(op.getValue().get("responses"))
                      .as(op.getKey() + " " + path.getKey())
                      .isNotNull();
                }
              });
    }
  }

  /**
   * Every POST body goes through the strict reader (Bodies), so every POST can be refused with a
   * 400.
   */
  @Test
  void every_documented_post_says_it_can_answer_400() throws Exception {
    spec()
        .get("paths")
        .fields()
        .forEachRemaining(
            path -> {
              JsonNode post = path.getValue().get("post");
              if (post != null) {
                assertThat(post.get("responses").has("400")).as("POST " + path.getKey()).isTrue();
              }
            });
  }

  /**
   * The browser pages (screens, kiosk, consoles, phone page) and their assets are HTML for people,
   * not API: docs/live-protocol.md describes them. Everything else must be in the spec.
   */
  private static boolean isApi(String path) {
    return path.startsWith("/api/") || Set.of("/health", "/ready", "/metrics").contains(path);
  }

  private static Set<String> documented() throws Exception {
    Set<String> ops = new TreeSet<>();
    spec()
        .get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        op -> {
                          if (OPERATIONS.contains(op)) {
                            ops.add(op.toUpperCase() + " " + path.getKey());
                          }
                        }));
    return ops;
  }

  private static JsonNode spec() throws Exception {
    try (InputStream in = OpenApiTest.class.getResourceAsStream("/openapi.yaml")) {
      assertThat(in).as("openapi.yaml on the class path").isNotNull();
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }
}
