package cn.suixin.hall.bench;

import static cn.suixin.hall.bench.BenchSupport.await;

import cn.suixin.hall.server.app.HallServer;
import cn.suixin.hall.server.app.ServerOptions;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.LoginRules;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.http.Doors;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long a refused login takes: a known user with a wrong password, a username that is no one's,
 * and a locked account, asked in turn so each sees the same load. Their medians should match (the
 * same PBKDF2 work); before the fix an unknown user was answered about 30 times faster. The
 * throttle is set out of the way (a million free failures) so every attempt is checked.
 *
 * <p>Arguments (optional): rounds (default 30).
 */
public final class LoginTimingBenchmark {
  private LoginTimingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    Path data = Files.createTempDirectory("suixin-bench-login");
    LoginRules unthrottled =
        new LoginRules(
            1_000_000,
            1_000_000,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            1_000_000,
            Duration.ofMinutes(15),
            2,
            32);
    HallServer server =
        await(
            HallServer.start(
                new ServerOptions(
                    BenchSupport.configDir(),
                    data,
                    0,
                    true,
                    "embedded",
                    null,
                    null,
                    null,
                    Doors.CLOSED,
                    unthrottled),
                Clock.systemUTC()));
    Accounts accounts = new Accounts(server.vertx(), server.store().records(), Clock.systemUTC());
    await(
        accounts.addUser(
            "bench-known", Role.GUIDE, "city", "B1", "基准", "the-right-password".toCharArray()));
    await(
        accounts.addUser(
            "bench-locked", Role.GUIDE, "city", "B2", "基准", "the-right-password".toCharArray()));
    await(
        server
            .store()
            .records()
            .put(
                Accounts.LOCKOUTS,
                "bench-locked",
                new JsonObject().put("username", "bench-locked")));
    HttpClient http = BenchSupport.plainClient();
    String url = "http://127.0.0.1:" + server.port() + "/api/v1/auth/login";
    String[] users = {"bench-known", "bench-nobody", "bench-locked"};
    List<List<Double>> millis = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int warm = 0; warm < 5; warm++) {
      for (String u : users) {
        login(http, url, u);
      }
    }
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < users.length; i++) {
        millis.get(i).add(login(http, url, users[i]));
      }
    }
    double known = BenchSupport.median(millis.get(0));
    double unknown = BenchSupport.median(millis.get(1));
    double locked = BenchSupport.median(millis.get(2));
    System.out.printf(
        Locale.ROOT,
        "RESULT refused login, median of %d each: known user, wrong password %.1f ms; "
            + "unknown user %.1f ms; locked account %.1f ms; unknown/known %.2f, locked/known %.2f (%s)%n",
        rounds,
        known,
        unknown,
        locked,
        unknown / known,
        locked / known,
        BenchSupport.loadAverage());
    await(server.stop());
    BenchSupport.deleteTree(data);
  }

  /** One refused login, in milliseconds from request to answer. */
  private static double login(HttpClient http, String url, String username) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    new JsonObject()
                        .put("username", username)
                        .put("password", "a-wrong-password")
                        .encode()))
            .build();
    long start = System.nanoTime();
    HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
    double ms = (System.nanoTime() - start) / 1e6;
    if (reply.statusCode() != 401 && reply.statusCode() != 423) {
      throw new IllegalStateException(username + ": " + reply.statusCode() + " " + reply.body());
    }
    return ms;
  }
}
