package cn.suixin.hall.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.auth.Role;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AgentMessagesTest {

  @Test
  void a_pad_gets_the_digits_of_the_staff_number_and_the_window_as_a_number() {
    assertThat(AgentMessages.padStaff("C0001", "张晓明").getString("staffNo")).isEqualTo("0001");
    assertThat(AgentMessages.padStaff("clerk", null).getString("staffNo")).isEqualTo("0");
    assertThat(AgentMessages.padCall("A001", "07").getInteger("window")).isEqualTo(7);
    assertThat(AgentMessages.padCall("A001", "VIP").getInteger("window")).isZero();
  }

  @Test
  void a_device_registered_for_window_7_drives_window_07() {
    assertThat(AgentFeed.sameWindow("7", "07")).isTrue();
    assertThat(AgentFeed.sameWindow("07", "07")).isTrue();
    assertThat(AgentFeed.sameWindow("07", "17")).isFalse();
    assertThat(AgentFeed.sameWindow("VIP", "VIP")).isTrue();
    assertThat(AgentFeed.sameWindow("07", null)).isFalse();
  }

  @Test
  void a_kiosk_agent_serves_the_kiosk_with_its_name_or_the_only_kiosk_of_its_hall() {
    AgentFeed feed =
        new AgentFeed(
            new Principal("agent-1", Role.AGENT, "city", null, null, "east"),
            null,
            null,
            null,
            null);
    JsonObject east = kiosk("k-east", "city", "east");
    JsonObject west = kiosk("k-west", "city", "west");
    JsonObject elsewhere = kiosk("k-anju", "anju", "east");

    assertThat(feed.serves(List.of(east, west, elsewhere), "k-east")).isTrue();
    assertThat(feed.serves(List.of(east, west, elsewhere), "k-west")).isFalse();
    assertThat(feed.serves(List.of(west, elsewhere), "k-west")).isTrue();
    assertThat(feed.serves(List.of(west, elsewhere), "k-anju")).isFalse();
  }

  private static JsonObject kiosk(String id, String hall, String name) {
    return new JsonObject().put("id", id).put("kind", "KIOSK").put("hall", hall).put("name", name);
  }
}
