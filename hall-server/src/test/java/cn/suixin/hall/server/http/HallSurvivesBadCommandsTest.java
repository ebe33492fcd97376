package cn.suixin.hall.server.http;

import static cn.suixin.hall.server.http.BadInputTest.assertProblem;
import static cn.suixin.hall.server.http.ServerFixture.city;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.hall.HallGateway;
import cn.suixin.hall.server.web.Problem;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk with a bug hands over offline tickets that are not objects. Each such request is refused
 * with a 400 naming the element, and the hall's owner goes on deciding: the next ticket is issued
 * and called as if nothing had happened (before, the owner stopped for good and every later command
 * of the hall answered 503 after 3 s).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HallSurvivesBadCommandsTest {
  @TempDir static Path data;
  static ServerFixture server;

  @BeforeAll
  static void start() {
    server = ServerFixture.start(data);
    server.signIn("clerk1", "13");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void offline_tickets_that_are_not_objects_get_400_and_the_hall_goes_on_issuing_and_calling() {
    for (String tickets : new String[] {"[\"a\"]", "[1]", "[[]]"}) {
      long before = server.seq();
      HttpReply refused =
          server.postRaw(
              city("offline-tickets"),
              server.token("kiosk"),
              "{\"block\":1,\"tickets\":" + tickets + "}");
      assertProblem(refused, 400, "BAD_FIELD");
      assertThat(refused.json().getString("field")).as(tickets).startsWith("tickets");
      assertThat(refused.json().getString("messageEn")).isNotBlank();
      assertThat(server.seq()).as("a refused hand-over changes nothing").isEqualTo(before);

      JsonObject ticket = server.issue("PO-SEAL");
      HttpReply called = server.post(city("windows/13/call-next"), server.token("clerk1"), null);
      assertThat(called.status()).as("after %s: %s", tickets, called).isEqualTo(200);
      assertThat(called.json().getJsonObject("ticket").getString("id"))
          .isEqualTo(ticket.getString("id"));
      HttpReply finished =
          server.post(
              city("windows/13/finish"),
              server.token("clerk1"),
              new JsonObject().put("outcome", "DONE"));
      assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
    }
  }

  @Test
  void an_owner_that_failed_to_decide_a_command_is_answered_as_500_not_as_a_refusal() {
    Problem p =
        Problem.from(
            HallGateway.refusal(
                new JsonObject()
                    .put("ok", false)
                    .put("code", "INTERNAL")
                    .put("message", "服务器内部错误")
                    .put("messageEn", "Internal error")));
    assertThat(p.status()).isEqualTo(500);
    assertThat(p.body().getString("code")).isEqualTo("INTERNAL");
  }
}
