package cn.suixin.agent.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutgoingMessagesTest {

  @TempDir Path dir;

  private final List<String> wire = new ArrayList<>();

  @Test
  void a_durable_message_is_resent_after_every_hello_until_the_server_acks_it() {
    Outbox outbox = new Outbox(dir);
    OutgoingMessages out = new OutgoingMessages(outbox);
    out.sendDurable(new OutboxMessage("r-1", "{\"type\":\"rating\"}"));
    assertThat(wire).as("nothing goes out while the link is down").isEmpty();
    assertThat(outbox.size()).isEqualTo(1);

    out.linkUp(wire::add);
    out.linkDown();
    out.linkUp(wire::add);
    assertThat(wire).containsExactly("{\"type\":\"rating\"}", "{\"type\":\"rating\"}");

    out.acked("r-1");
    out.linkDown();
    out.linkUp(wire::add);
    assertThat(wire).hasSize(2);
    assertThat(new Outbox(dir).pending()).isEmpty();
  }

  @Test
  void a_transient_message_waits_in_memory_for_the_next_hello_and_is_never_stored() {
    Outbox outbox = new Outbox(dir);
    OutgoingMessages out = new OutgoingMessages(outbox);
    out.sendTransient(new JsonObject().put("type", "printed").put("job", "j1"));
    assertThat(outbox.size()).isZero();

    out.linkUp(wire::add);
    out.sendTransient(new JsonObject().put("type", "printed").put("job", "j2"));
    out.linkDown();
    out.linkUp(wire::add);
    assertThat(wire)
        .containsExactly(
            "{\"type\":\"printed\",\"job\":\"j1\"}", "{\"type\":\"printed\",\"job\":\"j2\"}");
  }

  @Test
  void a_refused_message_leaves_the_outbox_so_it_is_not_resent_forever() {
    Outbox outbox = new Outbox(dir);
    OutgoingMessages out = new OutgoingMessages(outbox);
    out.linkUp(wire::add);
    out.sendDurable(new OutboxMessage("r-2", "{}"));
    assertThat(out.isLinkUp()).isTrue();

    out.refused(
        new JsonObject().put("type", "error").put("id", "r-2").put("code", "ALREADY_RATED"));
    assertThat(outbox.size()).isZero();
  }
}
