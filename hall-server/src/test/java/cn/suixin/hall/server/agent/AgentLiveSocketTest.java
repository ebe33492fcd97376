package cn.suixin.hall.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.http.ServerFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AgentLiveSocketTest {
  private static final String TICKETS = "/api/v1/halls/city/tickets";
  @TempDir Path data;
  private ServerFixture hall;

  @BeforeEach
  void start() throws Exception {
    hall = ServerFixture.builder(data).withoutTestAccounts().recordingEvents().start();
  }

  @AfterEach
  void stop() throws Exception {
    hall.close();
  }

  @Test
  void a_kiosk_ticket_goes_to_the_agent_named_like_the_kiosk_as_print_ticket() throws Exception {
    String east = hall.device(Role.KIOSK, null, "east");
    String west = hall.device(Role.KIOSK, null, "west");
    try (AgentSocket agent =
        AgentSocket.linked(hall.agentUri(), hall.device(Role.AGENT, null, "east"))) {
      hall.post(TICKETS, west, new JsonObject().put("matter", "EE-PASSPORT"));
      JsonObject issued =
          hall.post(TICKETS, east, new JsonObject().put("matter", "EE-PASSPORT")).json();

      JsonObject print = agent.next("print.ticket");

      JsonObject ticket = print.getJsonObject("ticket");
      assertThat(ticket.getString("number"))
          .isEqualTo(issued.getString("number"))
          .isEqualTo("A002");
      assertThat(ticket.getString("matter")).isEqualTo("EE-PASSPORT");
      assertThat(ticket.getString("matterName")).isEqualTo("普通护照签发");
      assertThat(ticket.getInteger("ahead")).isEqualTo(1);
      assertThat(ticket.getString("followUrl"))
          .isEqualTo(issued.getString("followUrl"))
          .startsWith("/t/city/" + issued.getString("id") + "?k=");
      assertThat(ticket.getString("issuedAt")).isEqualTo(issued.getString("issuedAt"));
      assertThat(ticket.getBoolean("offline")).isFalse();
      assertThat(ticket.getJsonArray("windows")).contains(7, 8);
      assertThat(print.getString("job")).isEqualTo(issued.getString("id"));
      assertThat(agent.poll(300)).isNull();
    }
  }

  @Test
  void the_agent_of_a_hall_with_one_kiosk_prints_its_tickets_whatever_their_names()
      throws Exception {
    String kiosk = hall.device(Role.KIOSK, null, "lobby");
    try (AgentSocket agent =
        AgentSocket.linked(hall.agentUri(), hall.device(Role.AGENT, null, "printer-pc"))) {
      hall.post(TICKETS, kiosk, new JsonObject().put("matter", "HH-ID-RENEW"));

      assertThat(agent.next("print.ticket").getJsonObject("ticket").getString("number"))
          .isEqualTo("B001");
    }
  }

  @Test
  void
      a_window_agent_gets_the_clerk_the_call_and_the_rating_request_and_a_resent_rating_counts_once()
          throws Exception {
    String kiosk = hall.device(Role.KIOSK, null, "lobby");
    String clerk = hall.user("li", Role.CLERK, "10086", "李明");
    try (AgentSocket pad =
        AgentSocket.linked(hall.agentUri(), hall.device(Role.AGENT, "07", "pad-07"))) {
      hall.post("/api/v1/halls/city/windows/07/sign-in", clerk, new JsonObject());
      JsonObject staff = pad.next("pad.staff");
      assertThat(staff.getString("staffNo")).isEqualTo("10086");
      assertThat(staff.getString("name")).isEqualTo("李明");

      String number =
          hall.post(TICKETS, kiosk, new JsonObject().put("matter", "EE-PASSPORT"))
              .json()
              .getString("number");
      hall.post("/api/v1/halls/city/windows/07/call-next", clerk, new JsonObject());
      JsonObject call = pad.next("pad.call");
      assertThat(call.getString("number")).isEqualTo(number);
      assertThat(call.getInteger("window")).isEqualTo(7);
      hall.post("/api/v1/halls/city/windows/07/recall", clerk, new JsonObject());
      assertThat(pad.next("pad.call").getString("number")).isEqualTo(number);

      JsonObject finished =
          hall.post(
                  "/api/v1/halls/city/windows/07/finish",
                  clerk,
                  new JsonObject().put("outcome", "DONE"))
              .json();
      long record = finished.getJsonObject("ticket").getLong("record");
      assertThat(pad.next("pad.rate").getLong("recordId")).isEqualTo(record);

      JsonObject rating =
          new JsonObject()
              .put("type", "rating")
              .put("id", "r-1")
              .put("recordId", record)
              .put("level", 5)
              .put("reasons", 0);
      pad.send(rating);
      assertThat(pad.next("ack").getString("id")).isEqualTo("r-1");
      assertThat(hall.events("rating.recorded")).hasSize(1);

      pad.send(rating);
      assertThat(pad.next("ack").getString("id")).isEqualTo("r-1");
      pad.send(rating.copy().put("id", "r-2"));
      JsonObject refused = pad.next("error");
      assertThat(refused.getString("id")).isEqualTo("r-2");
      assertThat(refused.getString("code")).isEqualTo("ALREADY_RATED");
      assertThat(hall.events("rating.recorded")).hasSize(1);
    }
  }

  @Test
  void offline_tickets_enter_the_queue_in_arrival_order_with_no_number_twice() throws Exception {
    String kiosk = hall.device(Role.KIOSK, null, "lobby");
    String guide = hall.user("guide", Role.GUIDE, "20001", "王导");
    try (AgentSocket agent =
        AgentSocket.linked(hall.agentUri(), hall.device(Role.AGENT, null, "lobby"))) {
      hall.post(TICKETS, kiosk, new JsonObject().put("matter", "EE-TW-PERMIT"));
      agent.send(
          new JsonObject()
              .put("type", "offline.block.request")
              .put("id", "b-1")
              .put("matter", "EE-TW-PERMIT")
              .put("size", 5));
      JsonObject block = agent.next("offline.block").getJsonObject("block");
      assertThat(agent.next("ack").getString("id")).isEqualTo("b-1");
      assertThat(block.getString("prefix")).isEqualTo("A");
      assertThat(block.getInteger("from")).isEqualTo(2);
      assertThat(block.getInteger("to")).isEqualTo(6);

      Instant t = Instant.now();
      JsonArray offline = new JsonArray();
      IntStream.rangeClosed(2, 4)
          .forEach(
              n ->
                  offline.add(
                      new JsonObject()
                          .put("number", "A00" + n)
                          .put("matter", "EE-TW-PERMIT")
                          .put("issuedAt", t.plusMillis(n).toString())));
      JsonObject handOver =
          new JsonObject()
              .put("type", "offline.tickets")
              .put("id", "o-1")
              .put("blockId", String.valueOf(block.getLong("id")))
              .put("tickets", offline);
      agent.send(handOver);
      assertThat(agent.next("ack").getString("id")).isEqualTo("o-1");
      agent.send(handOver);
      assertThat(agent.next("ack").getString("id")).isEqualTo("o-1");
      // Time is the point: the online ticket arrives after the offline ones' issue times (t + 4 ms
      // at most).
      Thread.sleep(5);
      hall.post(TICKETS, kiosk, new JsonObject().put("matter", "EE-TW-PERMIT"));

      JsonArray waiting =
          hall.get("/api/v1/halls/city/windows/09", guide).json().getJsonArray("waiting");
      List<String> numbers =
          waiting.stream()
              .map(o -> (JsonObject) o)
              .filter(o -> "EE-TW-PERMIT".equals(o.getString("matter")))
              .map(o -> o.getString("number"))
              .toList();
      assertThat(numbers).containsExactly("A001", "A002", "A003", "A004", "A007");
    }
  }

  @Test
  void a_printer_out_of_paper_is_an_alert_on_the_devices_list_and_the_staff_feed()
      throws Exception {
    String supervisor = hall.user("boss", Role.SUPERVISOR, "30001", "赵主任");
    String clerk = hall.user("li", Role.CLERK, "10086", "李明");
    try (AgentSocket staff =
            AgentSocket.open(
                URI.create("ws://127.0.0.1:" + hall.port() + "/api/v1/halls/city/live?staff=1"));
        AgentSocket screen =
            AgentSocket.open(
                URI.create("ws://127.0.0.1:" + hall.port() + "/api/v1/halls/city/live"));
        AgentSocket agent =
            AgentSocket.linked(hall.agentUri(), hall.device(Role.AGENT, null, "lobby"))) {
      staff.send(new JsonObject().put("type", "auth").put("token", supervisor));
      staff.next("snapshot");
      screen.next("snapshot");
      agent.send(
          new JsonObject()
              .put("type", "device.status")
              .put("id", "s-1")
              .put("device", "printer")
              .put("status", "PAPER_OUT")
              .put("detail", "job 7"));
      assertThat(agent.next("ack").getString("id")).isEqualTo("s-1");

      JsonObject printer = printer(supervisor);
      assertThat(printer.getString("status")).isEqualTo("PAPER_OUT");
      assertThat(printer.getBoolean("alert")).isTrue();
      assertThat(printer.getString("name")).isEqualTo("lobby");
      assertThat(hall.get("/api/v1/halls/city/devices", clerk).status()).isEqualTo(403);
      JsonObject alert = staff.next("device.status");
      while (!"printer".equals(alert.getString("part"))) {
        alert = staff.next("device.status");
      }
      assertThat(alert.getString("status")).isEqualTo("PAPER_OUT");
      assertThat(alert.getBoolean("alert")).isTrue();
      assertThat(screen.poll(300)).as("public screens get no device states").isNull();
    }
  }

  @Test
  void an_agent_message_of_the_wrong_shape_is_refused_naming_the_bad_element_and_changes_nothing()
      throws Exception {
    try (AgentSocket agent =
        AgentSocket.linked(hall.agentUri(), hall.device(Role.AGENT, null, "lobby"))) {
      agent.send(
          new JsonObject()
              .put("type", "offline.block.request")
              .put("id", "b-1")
              .put("matter", "EE-TW-PERMIT")
              .put("size", 5));
      String block =
          String.valueOf(agent.next("offline.block").getJsonObject("block").getLong("id"));
      agent.next("ack");
      int before = hall.events().size();
      String at = Instant.now().toString();
      JsonObject good =
          new JsonObject().put("number", "A001").put("matter", "EE-TW-PERMIT").put("issuedAt", at);
      List<String[]> refusals =
          List.of(
              new String[] {
                "{\"type\":\"offline.tickets\",\"id\":\"o-1\",\"blockId\":\""
                    + block
                    + "\",\"tickets\":[\"A001\"]}",
                "tickets[0]"
              },
              new String[] {
                "{\"type\":\"offline.tickets\",\"id\":\"o-2\",\"blockId\":\""
                    + block
                    + "\",\"tickets\":["
                    + good.encode()
                    + ",{\"number\":\"A002\",\"issuedAt\":5}]}",
                "tickets[1].issuedAt"
              },
              new String[] {
                "{\"type\":\"offline.tickets\",\"id\":\"o-3\",\"blockId\":\""
                    + block
                    + "\",\"tickets\":[{\"number\":[1],\"issuedAt\":\""
                    + at
                    + "\"}]}",
                "tickets[0].number"
              },
              new String[] {
                "{\"type\":\"offline.tickets\",\"id\":\"o-4\",\"blockId\":\""
                    + block
                    + "\",\"tickets\":{\"number\":1}}",
                "tickets"
              },
              new String[] {
                "{\"type\":\"offline.tickets\",\"id\":\"o-5\",\"blockId\":true,\"tickets\":[]}",
                "blockId"
              },
              new String[] {
                "{\"type\":\"rating\",\"id\":\"r-1\",\"recordId\":1,\"level\":5.0}", "level"
              },
              new String[] {
                "{\"type\":\"rating\",\"id\":\"r-2\",\"recordId\":\"1\",\"level\":5}", "recordId"
              },
              new String[] {
                "{\"type\":\"offline.block.request\",\"id\":\"b-2\",\"matter\":\"EE-TW-PERMIT\",\"size\":5.5}",
                "size"
              });
      for (String[] r : refusals) {
        agent.sendText(r[0]);
        JsonObject error = agent.next("error");
        assertThat(error.getString("code")).as(r[0]).isEqualTo("BAD_FIELD");
        assertThat(error.getString("field")).as(r[0]).isEqualTo(r[1]);
        assertThat(error.getString("message")).matches(".*\\p{IsHan}.*");
        assertThat(error.getString("messageEn")).isNotBlank();
      }
      agent.sendText("{\"type\":\"ping\"/* a comment */}");
      assertThat(agent.closeCode(10)).isEqualTo(4400);
      assertThat(hall.events().subList(before, hall.events().size()))
          .as("nothing happened in the hall")
          .isEmpty();
    }
  }

  @Test
  void a_device_status_detail_holding_a_phone_number_reaches_staff_masked() throws Exception {
    String supervisor = hall.user("boss", Role.SUPERVISOR, "30001", "赵主任");
    try (AgentSocket agent =
        AgentSocket.linked(hall.agentUri(), hall.device(Role.AGENT, null, "lobby"))) {
      agent.send(
          new JsonObject()
              .put("type", "device.status")
              .put("id", "s-1")
              .put("device", "printer")
              .put("status", "ERROR")
              .put("detail", "维修请拨13812345678"));
      assertThat(agent.next("ack").getString("id")).isEqualTo("s-1");
      JsonObject printer = printer(supervisor);
      assertThat(printer.getString("detail")).isEqualTo("维修请拨138****5678");
    }
  }

  /** The printer's line on the devices list, as a supervisor sees it. */
  private JsonObject printer(String supervisor) throws Exception {
    return hall
        .get("/api/v1/halls/city/devices", supervisor)
        .json()
        .getJsonArray("devices")
        .stream()
        .map(o -> (JsonObject) o)
        .filter(d -> "printer".equals(d.getString("part")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_bad_token_is_closed_with_4401_and_a_kiosk_token_too() throws Exception {
    try (AgentSocket a = AgentSocket.open(hall.agentUri())) {
      a.send(new JsonObject().put("type", "auth").put("token", "not-a-token"));
      assertThat(a.closeCode(10)).isEqualTo(4401);
    }
    try (AgentSocket a = AgentSocket.open(hall.agentUri())) {
      a.send(
          new JsonObject()
              .put("type", "auth")
              .put("token", hall.device(Role.KIOSK, null, "lobby")));
      assertThat(a.closeCode(10)).isEqualTo(4401);
    }
  }

  @Test
  void malformed_json_is_closed_with_4400_and_silence_with_4408() throws Exception {
    try (AgentSocket a = AgentSocket.open(hall.agentUri())) {
      a.sendText("{not json");
      assertThat(a.closeCode(10)).isEqualTo(4400);
    }
    try (AgentSocket a = AgentSocket.open(hall.agentUri())) {
      assertThat(a.closeCode(10)).isEqualTo(4408);
    }
  }
}
