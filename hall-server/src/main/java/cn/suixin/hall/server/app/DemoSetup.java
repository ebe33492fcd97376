package cn.suixin.hall.server.app;

import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.store.RecordStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code --demo}: accounts and devices for the city hall, printed, so a newcomer can click through
 * every page. Never on unless asked for.
 */
final class DemoSetup {
  static final String PASSWORD = "suixin-demo";
  private static final String HALL = "city";

  private DemoSetup() {}

  /**
   * How to read the metrics: on their own listener, or on the main port with the (maybe generated)
   * token.
   */
  private static String metrics(HallServer server, ServerOptions options, String base) {
    String token = options.doors().metricsToken();
    String auth = token == null ? "" : "-H 'Authorization: Bearer " + token + "' ";
    String url =
        server.metricsPort() < 0
            ? base + "/metrics"
            : "http://" + options.doors().metricsHost() + ":" + server.metricsPort() + "/metrics";
    return "curl " + auth + url;
  }

  static void run(HallServer server, ServerOptions options) {
    RecordStore records = server.store().records();
    Accounts accounts = new Accounts(server.vertx(), records, Clock.systemUTC());
    List<Future<?>> steps = new ArrayList<>();
    String[][] users = {
      {"admin", "ADMIN", null, "A0001", "管理员"},
      {"supervisor", "SUPERVISOR", HALL, "S0001", "王值班"},
      {"guide", "GUIDE", HALL, "G0001", "李导办"},
      {"clerk1", "CLERK", HALL, "C0001", "张晓明"},
      {"clerk2", "CLERK", HALL, "C0002", "陈思雨"},
      {"clerk3", "CLERK", HALL, "C0003", "刘建国"}
    };
    for (String[] u : users) {
      steps.add(
          records
              .get(Accounts.USERS, u[0])
              .compose(
                  existing ->
                      existing != null
                          ? Future.succeededFuture()
                          : accounts.addUser(
                              u[0], Role.valueOf(u[1]), u[2], u[3], u[4], PASSWORD.toCharArray())));
    }
    Future<String> kiosk = accounts.addDevice(Role.KIOSK, HALL, null, "demo-kiosk");
    Future<String> agent = accounts.addDevice(Role.AGENT, HALL, null, "demo-kiosk");
    steps.add(kiosk);
    steps.add(agent);
    try {
      Future.all(steps).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("demo setup failed: " + e);
      return;
    }
    String base = "http://localhost:" + server.port();
    System.out.println(
        String.join(
            "\n",
            "",
            "=== Suixin Hall demo (every hall open around the clock) ===",
            "accounts (password "
                + PASSWORD
                + "): admin, supervisor, guide, clerk1, clerk2, clerk3 (hall "
                + HALL
                + ")",
            "hall screen     " + base + "/halls/" + HALL + "/screen",
            "window screen   " + base + "/halls/" + HALL + "/windows/1/screen",
            "kiosk           "
                + base
                + "/halls/"
                + HALL
                + "/kiosk (enrol the browser first, once:)",
            "kiosk enrolment "
                + base
                + "/halls/"
                + HALL
                + "/kiosk/enrol (enter the kiosk token below)",
            "kiosk token     " + kiosk.result(),
            "clerk console   " + base + "/halls/" + HALL + "/clerk",
            "help desk       " + base + "/halls/" + HALL + "/desk",
            "supervisor      " + base + "/halls/" + HALL + "/supervisor",
            "city view       " + base + "/city",
            "metrics         " + metrics(server, options, base),
            "agent (printer simulator): SUIXIN_AGENT_TOKEN="
                + agent.result()
                + " java -jar ticket-printer-agent/target/ticket-printer-agent.jar --server "
                + base
                + " --simulate",
            ""));
  }
}
