package cn.suixin.agent.link;

import static cn.suixin.agent.Eventually.stillTrue;
import static cn.suixin.agent.Eventually.waitFor;
import static cn.suixin.agent.OnContext.result;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.Agent;
import cn.suixin.agent.AgentOptions;
import cn.suixin.agent.escpos.RenderedTicket;
import cn.suixin.agent.serial.Backoff;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@DisplayName("The agent against a small server that speaks the agent link contract")
class AgentLinkTest {

  private static final Logger LOG = LoggerFactory.getLogger(AgentLinkTest.class);

  @TempDir Path data;

  private FakeHallServer server;
  private Agent agent;
  private int serverPort;
  private int localPort;

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private void startBoth() throws Exception {
    serverPort = freePort();
    localPort = freePort();
    server = new FakeHallServer(serverPort).start();
    startAgent();
  }

  private void startAgent() throws Exception {
    AgentOptions o =
        AgentOptions.parse(
            token(FakeHallServer.TOKEN),
            LOG::warn,
            "--server",
            "http://127.0.0.1:" + serverPort,
            "--simulate",
            "--data",
            data.toString(),
            "--local-port",
            Integer.toString(localPort),
            "--printer-profile",
            "xprinter-80");
    agent = Agent.start(o, new Backoff(50, 400));
    waitFor(() -> agent.linkUp());
  }

  @Test
  void a_print_job_is_printed_and_answered_and_a_pad_rating_reaches_the_server_once()
      throws Exception {
    startBoth();
    assertThat(server.auths().get(0).getString("type")).isEqualTo("auth");

    server.send(
        new JsonObject()
            .put("type", "print.ticket")
            .put("job", "j1")
            .put(
                "ticket",
                new JsonObject()
                    .put("id", "t1")
                    .put("number", "A001")
                    .put("matter", "hj")
                    .put("matterName", "户籍业务")
                    .put("ahead", 3)
                    .put("estimatedWaitSeconds", 600)
                    .put("issuedAt", "2026-11-27T01:30:00Z")
                    .put("followUrl", "https://h/f/t1")
                    .put("greenChannel", null)
                    .put("offline", false)));
    server.await("printed", m -> "j1".equals(m.getString("job")));
    RenderedTicket printed = result(agent.printerSimulator().tickets()).get(0);
    assertThat(printed.lines())
        .containsSubsequence(
            "政务服务中心", "A001", "户籍业务", "前面还有 3 人", "预计等待 10 分钟", "2026-11-27 09:30");
    assertThat(printed.qrCodes()).containsExactly("https://h/f/t1");
    JsonObject blockRequest = server.await("offline.block.request", m -> true);
    assertThat(blockRequest.getString("matter")).isEqualTo("hj");
    assertThat(blockRequest.getInteger("size")).isEqualTo(50);

    server.send(
        new JsonObject().put("type", "pad.rate").put("recordId", 77).put("timeoutSeconds", 30));
    JsonObject rating = server.await("rating", m -> m.getLong("recordId") == 77);
    assertThat(rating.getInteger("level")).isEqualTo(5);
    assertThat(rating.getString("id")).isNotBlank();
    waitFor(() -> outboxFiles() == 0);
    result(agent.padSimulator().resendUnacked());
    stillTrue(() -> server.received("rating").size() == 1);
    assertThat(server.received("rating")).hasSize(1);
  }

  @Test
  void unacknowledged_messages_are_resent_after_a_reconnect_until_acked() throws Exception {
    startBoth();
    server.setAcking(false);
    server.send(
        new JsonObject().put("type", "pad.rate").put("recordId", 5).put("timeoutSeconds", 30));
    JsonObject first = server.await("rating", m -> true);
    assertThat(outboxFiles()).isGreaterThanOrEqualTo(1);

    server.setAcking(true);
    server.dropConnection();
    waitFor(() -> server.received("rating").size() >= 2);
    assertThat(server.received("rating"))
        .extracting(m -> m.getString("id"))
        .containsOnly(first.getString("id"));
    waitFor(() -> outboxFiles() == 0);
  }

  @Test
  void offline_tickets_are_issued_locally_and_handed_over_in_order_when_the_server_returns()
      throws Exception {
    startBoth();
    String day = java.time.LocalDate.now(Agent.HALL_ZONE).toString();
    server.send(
        new JsonObject()
            .put("type", "offline.block")
            .put(
                "block",
                new JsonObject()
                    .put("id", "blk-1")
                    .put("matter", "hj")
                    .put("prefix", "A")
                    .put("from", 901)
                    .put("to", 950)
                    .put("businessDay", day)));
    waitFor(() -> offlineState().contains("blk-1"));

    server.stop();
    waitFor(() -> !agent.linkUp());
    assertThat(postOffline("hj")).contains("\"number\":\"A901\"").contains("\"offline\":true");
    assertThat(postOffline("hj")).contains("\"number\":\"A902\"");
    assertThat(postOffline("crj")).contains("NO_BLOCK");
    waitFor(() -> result(agent.printerSimulator().tickets()).size() >= 2);
    assertThat(result(agent.printerSimulator().tickets()).get(0).lines())
        .contains("离线票 OFFLINE", "A901");

    server.start();
    JsonObject handover = server.await("offline.tickets", m -> true);
    assertThat(handover.getString("blockId")).isEqualTo("blk-1");
    JsonArray tickets = handover.getJsonArray("tickets");
    assertThat(
            List.of(
                tickets.getJsonObject(0).getString("number"),
                tickets.getJsonObject(1).getString("number")))
        .containsExactly("A901", "A902");
    assertThat(tickets).hasSize(2);
  }

  @Test
  void a_wrong_token_never_gets_a_hello() throws Exception {
    serverPort = freePort();
    localPort = freePort();
    server = new FakeHallServer(serverPort).start();
    agent =
        Agent.start(
            AgentOptions.parse(
                token("wrong"),
                LOG::warn,
                "--server",
                "http://127.0.0.1:" + serverPort,
                "--data",
                data.toString(),
                "--local-port",
                Integer.toString(localPort)),
            new Backoff(50, 400));
    waitFor(() -> !server.auths().isEmpty());
    stillTrue(() -> !agent.linkUp());
    assertThat(agent.linkUp()).isFalse();
    assertThat(server.auths().get(0).getString("token")).isEqualTo("wrong");
  }

  private static Map<String, String> token(String token) {
    return Map.of(AgentOptions.TOKEN_VARIABLE, token);
  }

  private String postOffline(String matter) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + localPort + "/offline/tickets"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"matter\":\"" + matter + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body();
  }

  private String offlineState() throws IOException {
    Path state = data.resolve("offline.json");
    return Files.exists(state) ? Files.readString(state) : "";
  }

  private long outboxFiles() {
    try (var s = Files.list(data.resolve("outbox"))) {
      return s.filter(p -> p.toString().endsWith(".json"))
          .filter(
              p -> {
                try {
                  String json = Files.readString(p);
                  return json.contains("\"rating\"");
                } catch (IOException e) {
                  return false;
                }
              })
          .count();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
