package cn.suixin.hall.server.http;

import static cn.suixin.hall.server.http.BadInputTest.assertProblem;
import static cn.suixin.hall.server.http.ServerFixture.city;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.hall.HallVerticle;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.deployment.DeploymentContext;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose hall owners have stopped (as during a shutdown or while a hall moves to another
 * node) still answers, with 503 and Retry-After, so kiosks and consoles retry instead of failing.
 * The owners are really undeployed; Vert.x offers no public way to find a deployment by its
 * verticle, so the test reads the deployments through {@code VertxInternal}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HallUnavailableTest {
  @TempDir static Path data;
  static ServerFixture server;

  @BeforeAll
  static void start() {
    server = ServerFixture.start(data);
    VertxInternal vertx = (VertxInternal) server.vertx();
    List<String> owners =
        vertx.deploymentManager().deployments().stream()
            .filter(
                d -> d.deployment().instances().stream().anyMatch(HallVerticle.class::isInstance))
            .map(DeploymentContext::id)
            .toList();
    assertThat(owners).as("one owner per hall").hasSize(9);
    owners.forEach(id -> ServerFixture.await(vertx.undeploy(id)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_command_to_a_hall_without_its_owner_is_503_with_retry_after() {
    HttpReply r =
        server.post(
            city("tickets"), server.token("kiosk"), new JsonObject().put("matter", "HH-CERT"));
    assertProblem(r, 503, "HALL_UNAVAILABLE");
    assertThat(r.header("Retry-After")).isNotBlank();
    HttpReply call = server.post(city("windows/01/call-next"), server.token("clerk1"), null);
    assertProblem(call, 503, "HALL_UNAVAILABLE");
    assertThat(call.header("Retry-After")).isNotBlank();
  }

  @Test
  void a_query_to_a_hall_without_its_owner_is_503_too() {
    HttpReply r = server.get(city("snapshot"), null);
    assertProblem(r, 503, "HALL_UNAVAILABLE");
    assertThat(r.header("Retry-After")).isNotBlank();
  }

  @Test
  void ready_is_503_naming_every_hall_without_an_owner() {
    HttpReply r = server.get("/ready", null);
    assertThat(r.status()).as(r.toString()).isEqualTo(503);
    assertThat(r.json().getJsonArray("failed")).containsExactly("halls");
    JsonObject silent =
        r.json().getJsonObject("checks").getJsonObject("halls").getJsonObject("halls");
    assertThat(silent.fieldNames()).hasSize(9).contains("city", "anju");
    assertThat(silent.getString("city")).isEqualTo("no owner");
    assertThat(server.get("/health", null).status()).isEqualTo(200);
  }

  @Test
  void callers_are_still_checked_before_the_hall_is_asked() {
    assertProblem(server.post(city("windows/01/call-next"), null, null), 401, "UNAUTHORIZED");
    assertProblem(
        server.post(city("notice"), server.token("guide"), new JsonObject().put("text", "x")),
        403,
        "FORBIDDEN");
  }
}
