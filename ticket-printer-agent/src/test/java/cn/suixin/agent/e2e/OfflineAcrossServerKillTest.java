package cn.suixin.agent.e2e;

import static cn.suixin.agent.Eventually.waitFor;
import static cn.suixin.agent.OnContext.result;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.Agent;
import cn.suixin.agent.AgentOptions;
import cn.suixin.agent.OnContext;
import cn.suixin.agent.escpos.PrinterProfile;
import cn.suixin.agent.serial.Backoff;
import cn.suixin.agent.serial.JSerialCommLink;
import cn.suixin.agent.serial.SerialSettings;
import cn.suixin.agent.serial.SocatPair;
import cn.suixin.agent.sim.PrinterSimulator;
import cn.suixin.hall.server.crash.ServerProcess;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 兜底服务 for real: the server process is killed, the kiosk keeps issuing through its agent. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OfflineAcrossServerKillTest {
  private static final String MATTER = "EE-PASSPORT";
  private static final String DEMO_PASSWORD = "suixin-demo";

  /**
   * The banner's token line, set off by a run of spaces from the line above it that mentions "the
   * kiosk token".
   */
  private static final Pattern KIOSK_TOKEN = Pattern.compile("kiosk token {2,}(\\S+)");

  private static final Pattern AGENT_TOKEN = Pattern.compile("SUIXIN_AGENT_TOKEN=(\\S+)");

  @TempDir Path dir;

  /** The simulated printer at the far end of the cable. */
  private final Vertx devices = Vertx.vertx();

  @Test
  void
      offline_tickets_issued_while_the_server_is_killed_join_the_queue_in_order_with_no_number_twice()
          throws Exception {
    SocatPair.assumeInstalled();
    int port = AgentWithHallServerTest.freePort();
    HttpCalls api = new HttpCalls(URI.create("http://127.0.0.1:" + port));
    Path agentData = dir.resolve("agent");
    int localPort = AgentWithHallServerTest.freePort();
    ServerProcess server = ServerProcess.builder(dir.resolve("server")).port(port).start();
    String agentToken = banner(server, AGENT_TOKEN);
    String kiosk = banner(server, KIOSK_TOKEN);
    try (SocatPair cable = SocatPair.inTarget("killprinter").start();
        PrinterSimulator printer =
            result(
                new PrinterSimulator(
                        OnContext.of(devices, ThreadingModel.EVENT_LOOP),
                        new JSerialCommLink(SerialSettings.printer(cable.b(), 9600)),
                        PrinterProfile.ZIJIANG_58.charset())
                    .start());
        Agent agent =
            Agent.start(
                new AgentOptions(
                    URI.create("http://127.0.0.1:" + port),
                    agentToken,
                    cable.a(),
                    null,
                    null,
                    false,
                    agentData,
                    "zijiang-58",
                    localPort,
                    9600,
                    1),
                new Backoff(100, 1000))) {
      waitFor(agent::linkUp);
      List<String> numbers = new ArrayList<>();
      numbers.add(
          api.post("/api/v1/halls/city/tickets", kiosk, new JsonObject().put("matter", MATTER))
              .getString("number"));
      // printing a matter makes the agent ask for offline numbers of it
      waitFor(() -> result(printer.tickets()).size() == 1 && offlineStock(agentData));

      server.kill();
      waitFor(() -> !agent.linkUp());
      HttpCalls local = new HttpCalls(URI.create("http://127.0.0.1:" + localPort));
      for (int i = 0; i < 3; i++) {
        JsonObject t = local.post("/offline/tickets", null, new JsonObject().put("matter", MATTER));
        assertThat(t.getBoolean("offline")).isTrue();
        numbers.add(t.getString("number"));
      }
      waitFor(() -> result(printer.tickets()).size() == 4);
      assertThat(result(printer.tickets()).get(3).lines()).contains("离线票 OFFLINE");

      server = ServerProcess.builder(dir.resolve("server")).port(port).start();
      waitFor(agent::linkUp);
      String guide = api.login("guide", DEMO_PASSWORD);
      waitFor(() -> waiting(api, guide).size() == 4);
      numbers.add(
          api.post("/api/v1/halls/city/tickets", kiosk, new JsonObject().put("matter", MATTER))
              .getString("number"));

      assertThat(waiting(api, guide)).containsExactlyElementsOf(numbers).doesNotHaveDuplicates();
      assertThat(numbers.subList(0, 4)).containsExactly("A001", "A002", "A003", "A004");
    } finally {
      server.close();
      result(devices.close());
    }
  }

  /**
   * A token the demo start prints for the operator (kiosk, agent), read from the server's output.
   */
  private static String banner(ServerProcess server, Pattern line) throws InterruptedException {
    return server
        .output()
        .await(line, Duration.ofSeconds(60))
        .map(m -> m.group(1))
        .orElseThrow(
            () ->
                new AssertionError(
                    "no " + line + " in the demo banner:\n" + server.output().text()));
  }

  private static boolean offlineStock(Path agentData) {
    Path state = agentData.resolve("offline.json");
    try {
      return Files.exists(state) && Files.readString(state).contains(MATTER);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Today's waiting passport tickets at window 07, oldest arrival first. */
  private static List<String> waiting(HttpCalls api, String guide) {
    try {
      return api.get("/api/v1/halls/city/windows/07", guide).getJsonArray("waiting").stream()
          .map(o -> (JsonObject) o)
          .filter(t -> MATTER.equals(t.getString("matter")))
          .map(t -> t.getString("number"))
          .toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
