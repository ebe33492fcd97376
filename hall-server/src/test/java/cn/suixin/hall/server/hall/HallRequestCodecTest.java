package cn.suixin.hall.server.hall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.Asker;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.config.WindowId;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HallRequestCodecTest {
  private static final HallRequest CALL =
      new HallRequest(
          new HallCommand.CallNext(new WindowId("07")),
          Asker.clerk("K07"),
          "CLERK:k07|call-next:07|abc");

  @Test
  void an_owner_in_this_jvm_gets_the_request_itself(Vertx vertx, VertxTestContext test) {
    new HallGateway(vertx);
    new HallGateway(vertx); // a second gateway on the same instance registers nothing twice
    vertx
        .eventBus()
        .consumer(
            "test.requests",
            m -> {
              test.verify(() -> assertThat(m.body()).isSameAs(CALL));
              m.reply(new JsonObject());
            });
    vertx.eventBus().request("test.requests", CALL).onComplete(test.succeedingThenComplete());
  }

  @Test
  void on_the_wire_a_request_is_its_json_form_and_reads_back_equal() {
    HallRequestCodec codec = new HallRequestCodec();
    Buffer wire = Buffer.buffer().appendString("xx");
    codec.encodeToWire(wire, CALL);
    Object arrived = codec.decodeFromWire(2, wire);
    assertThat(arrived).isInstanceOf(JsonObject.class);
    assertThat(((JsonObject) arrived).getString("type")).isEqualTo("call-next");
    assertThat(HallRequest.fromJson((JsonObject) arrived)).isEqualTo(CALL);
  }

  @Test
  void a_request_without_a_clerk_or_key_leaves_them_out_of_its_json_form() {
    JsonObject json = HallRequest.of(new HallCommand.Tick()).toJson();
    assertThat(json).isEqualTo(new JsonObject().put("type", "tick"));
    assertThat(HallRequest.fromJson(json)).isEqualTo(HallRequest.of(new HallCommand.Tick()));
  }
}
