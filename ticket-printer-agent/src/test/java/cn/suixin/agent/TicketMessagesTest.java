package cn.suixin.agent;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.escpos.TicketLayout;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import org.junit.jupiter.api.Test;

class TicketMessagesTest {

  @Test
  void a_print_ticket_payload_becomes_a_layout_in_hall_time() {
    JsonObject t =
        new JsonObject()
            .put("number", "G003")
            .put("matter", "hj")
            .put("matterName", "户籍业务")
            .put("ahead", 2)
            .put("estimatedWaitSeconds", 61)
            .put("issuedAt", "2026-11-27T16:05:00Z")
            .put("followUrl", "https://h/f/x")
            .put("greenChannel", "军人")
            .put("offline", false)
            .put("windows", new JsonArray().add(1).add(2));
    TicketLayout l =
        TicketMessages.layout("政务服务中心", t, Agent.HALL_ZONE, URI.create("http://10.0.0.5:8080"));
    assertThat(l)
        .isEqualTo(
            new TicketLayout(
                "政务服务中心",
                "G003",
                "户籍业务",
                2,
                2,
                "1号、2号窗口",
                "2026-11-28 00:05",
                "https://h/f/x",
                false,
                "军人"));
  }

  @Test
  void missing_optional_fields_print_as_blanks() {
    TicketLayout l =
        TicketMessages.layout(
            "H",
            new JsonObject().put("number", "A1"),
            Agent.HALL_ZONE,
            URI.create("http://10.0.0.5:8080"));
    assertThat(l.greenChannelName()).isNull();
    assertThat(l.windowsText()).isEmpty();
    assertThat(l.estimatedWaitMinutes()).isZero();
    assertThat(l.issuedAt()).isEmpty();
    assertThat(l.followUrl()).isNull();
  }

  @Test
  void a_relative_ticket_link_is_printed_as_a_full_address_on_the_agents_server() {
    JsonObject t = new JsonObject().put("number", "A1").put("followUrl", "/t/city/20261127-A001");
    assertThat(
            TicketMessages.layout("H", t, Agent.HALL_ZONE, URI.create("http://10.0.0.5:8080"))
                .followUrl())
        .isEqualTo("http://10.0.0.5:8080/t/city/20261127-A001");
    assertThat(
            TicketMessages.followUrl(
                "https://suixin.example.gov.cn/t/city/x", URI.create("http://10.0.0.5:8080")))
        .as("the server's public link is kept")
        .isEqualTo("https://suixin.example.gov.cn/t/city/x");
  }
}
