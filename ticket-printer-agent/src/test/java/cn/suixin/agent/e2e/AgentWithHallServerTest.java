package cn.suixin.agent.e2e;

import static cn.suixin.agent.Eventually.stillTrue;
import static cn.suixin.agent.Eventually.waitFor;
import static cn.suixin.agent.OnContext.result;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.Agent;
import cn.suixin.agent.AgentOptions;
import cn.suixin.agent.OnContext;
import cn.suixin.agent.escpos.PrinterProfile;
import cn.suixin.agent.escpos.RenderedTicket;
import cn.suixin.agent.serial.Backoff;
import cn.suixin.agent.serial.JSerialCommLink;
import cn.suixin.agent.serial.SerialSettings;
import cn.suixin.agent.serial.SocatPair;
import cn.suixin.agent.sim.PadSimulator;
import cn.suixin.agent.sim.PrinterSimulator;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.http.ServerFixture;
import io.vertx.core.Context;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real agent program, its devices on socat virtual serial pairs, against a real hall server.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AgentWithHallServerTest {
  static final PrinterProfile PROFILE = PrinterProfile.ZIJIANG_58;
  static final String TICKETS = "/api/v1/halls/city/tickets";

  @TempDir Path dir;

  /** The simulated devices at the far ends of the cables, each on a context of its own. */
  private final Vertx devices = Vertx.vertx();

  private ServerFixture hall;

  @BeforeEach
  void start() throws Exception {
    SocatPair.assumeInstalled();
    hall =
        ServerFixture.builder(dir.resolve("server"))
            .withoutTestAccounts()
            .recordingEvents()
            .start();
  }

  private Context device() throws Exception {
    return OnContext.of(devices, ThreadingModel.EVENT_LOOP);
  }

  @AfterEach
  void stop() throws Exception {
    if (hall != null) {
      hall.close();
    }
    result(devices.close());
  }

  @Test
  void a_kiosk_ticket_is_printed_as_escpos_and_paper_out_becomes_an_alert_for_the_supervisor()
      throws Exception {
    String kiosk = hall.device(Role.KIOSK, null, "lobby");
    String supervisor = hall.user("boss", Role.SUPERVISOR, "30001", "赵主任");
    try (SocatPair cable = SocatPair.inTarget("hallprinter").start();
        PrinterSimulator printer =
            result(
                new PrinterSimulator(
                        device(),
                        new JSerialCommLink(SerialSettings.printer(cable.b(), 9600)),
                        PROFILE.charset())
                    .start());
        Agent agent =
            Agent.start(
                options(hall.device(Role.AGENT, null, "lobby"), cable.a(), null, "a"),
                new Backoff(100, 1000))) {
      waitFor(agent::linkUp);

      JsonObject issued =
          hall.post(TICKETS, kiosk, new JsonObject().put("matter", "EE-PASSPORT")).ok();

      waitFor(() -> !result(printer.tickets()).isEmpty());
      RenderedTicket ticket = result(printer.tickets()).get(0);
      assertThat(issued.getString("number")).isEqualTo("A001");
      assertThat(ticket.lines()).containsSubsequence("遂宁市公安政务服务中心", "A001", "普通护照签发", "前面还有 0 人");
      // the server knows no public address here, so the agent prints its link on the server it uses
      assertThat(issued.getString("followUrl"))
          .startsWith("/t/city/" + issued.getString("id") + "?k=");
      assertThat(ticket.qrCodes())
          .containsExactly(hall.base().resolve(issued.getString("followUrl")).toString());

      result(printer.setStatusBytes(PrinterSimulator.PAPER_OUT));
      waitFor(() -> "PAPER_OUT".equals(printerStatus(supervisor).getString("status")));
      assertThat(printerStatus(supervisor).getBoolean("alert")).isTrue();
    }
  }

  @Test
  void a_pad_press_at_the_window_becomes_the_rating_of_the_service_just_finished()
      throws Exception {
    String kiosk = hall.device(Role.KIOSK, null, "lobby");
    String clerk = hall.user("li", Role.CLERK, "10086", "李明");
    try (SocatPair cable = SocatPair.inTarget("hallpad").start();
        PadSimulator pad =
            result(
                new PadSimulator(device(), new JSerialCommLink(SerialSettings.pad(cable.b())), 1)
                    .start());
        Agent agent =
            Agent.start(
                options(hall.device(Role.AGENT, "07", "pad-07"), null, cable.a(), "b"),
                new Backoff(100, 1000))) {
      waitFor(agent::linkUp);
      hall.post("/api/v1/halls/city/windows/07/sign-in", clerk, new JsonObject()).ok();
      hall.post(TICKETS, kiosk, new JsonObject().put("matter", "EE-PASSPORT")).ok();
      hall.post("/api/v1/halls/city/windows/07/call-next", clerk, new JsonObject()).ok();
      long record =
          hall.post(
                  "/api/v1/halls/city/windows/07/finish",
                  clerk,
                  new JsonObject().put("outcome", "DONE"))
              .ok()
              .getJsonObject("ticket")
              .getLong("record");

      waitFor(() -> result(pad.requestedRecord()) == record);
      result(pad.press(4, 0));

      waitFor(() -> !hall.events("rating.recorded").isEmpty());
      stillTrue(() -> hall.events("rating.recorded").size() == 1);
      assertThat(hall.events("rating.recorded")).hasSize(1);
      assertThat(hall.events("rating.recorded").get(0).getInteger("seq")).isPositive();
    }
  }

  /** The lobby printer's entry on the supervisor's devices list, or an empty object. */
  private JsonObject printerStatus(String token) {
    JsonObject devices;
    try {
      devices = hall.get("/api/v1/halls/city/devices", token).ok();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return devices.getJsonArray("devices").stream()
        .map(o -> (JsonObject) o)
        .filter(d -> "printer".equals(d.getString("part")))
        .findFirst()
        .orElse(new JsonObject());
  }

  AgentOptions options(String token, String printerPort, String padPort, String name)
      throws Exception {
    return new AgentOptions(
        hall.base(),
        token,
        printerPort,
        padPort,
        null,
        false,
        dir.resolve("agent-" + name),
        "zijiang-58",
        freePort(),
        9600,
        1);
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
