package cn.suixin.hall.server.app;

import cn.suixin.hall.config.ConfigLoader;
import cn.suixin.hall.engine.config.CityConfig;
import cn.suixin.hall.engine.config.HallId;
import cn.suixin.hall.engine.config.WindowId;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.store.JournalStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code users add|locked|unlock} and {@code devices add}: write to the record store the server
 * reads; {@code journal check} and {@code journal repair}: see {@link JournalCommands}.
 */
final class AdminCommands {
  private final ServerOptions options;
  private final Args args;

  AdminCommands(ServerOptions options, Args args) {
    this.options = options;
    this.args = args;
  }

  int run() {
    List<String> w = args.words();
    if (w.equals(List.of("users", "add"))) {
      return withAccounts(this::addUser);
    }
    if (w.equals(List.of("users", "locked"))) {
      return withAccounts(this::lockedUsers);
    }
    if (w.equals(List.of("users", "unlock"))) {
      return withAccounts(this::unlockUser);
    }
    if (w.equals(List.of("devices", "add"))) {
      return withAccounts(this::addDevice);
    }
    if (w.equals(List.of("journal", "check")) || w.equals(List.of("journal", "repair"))) {
      return journal(new JournalCommands(options, args, System.out), w.get(1));
    }
    throw new UsageException("unknown command: " + String.join(" ", w));
  }

  private interface Action {
    Future<String> apply(Accounts accounts, CityConfig city);
  }

  private int withAccounts(Action action) {
    CityConfig city = new ConfigLoader().load(options.config());
    Vertx vertx = Vertx.vertx();
    try {
      JournalStore store = await(Stores.open(vertx, options));
      try {
        System.out.println(
            await(action.apply(new Accounts(vertx, store.records(), Clock.systemUTC()), city)));
        return 0;
      } finally {
        await(store.close());
      }
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    } finally {
      vertx.close();
    }
  }

  /** The journal is as it was after any of these: nothing to undo, only the cause to fix. */
  private static int journal(JournalCommands commands, String what) {
    try {
      return what.equals("check") ? commands.check() : commands.repair();
    } catch (IllegalArgumentException
        | IllegalStateException
        | java.io.UncheckedIOException
        | cn.suixin.hall.store.redis.RedisUnavailableException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
  }

  private Future<String> addUser(Accounts accounts, CityConfig city) {
    String username = args.required("--username");
    Role role = role(args.required("--role"));
    String hall = args.value("--hall", null);
    checkHall(city, hall);
    if (role == Role.CLERK && hall == null) {
      throw new UsageException("a clerk belongs to a hall: --hall is required");
    }
    if (!args.flag("--password-stdin")) {
      throw new UsageException(
          "--password-stdin is required: the password is read from standard input");
    }
    char[] password = readPassword();
    return accounts
        .addUser(
            username,
            role,
            hall,
            args.value("--staff-no", null),
            args.value("--name", null),
            password)
        .map(
            u ->
                "added user "
                    + username
                    + " ("
                    + role.name().toLowerCase()
                    + (hall == null ? "" : ", hall " + hall)
                    + ")");
  }

  /**
   * One line per locked username, oldest lock first; a name no account has is an attacker's guess.
   */
  private Future<String> lockedUsers(Accounts accounts, CityConfig city) {
    return accounts
        .lockouts()
        .map(
            locks ->
                locks.isEmpty()
                    ? "no account is locked"
                    : String.join(
                        "\n",
                        locks.stream()
                            .map(
                                l ->
                                    l.getString("username")
                                        + "  locked "
                                        + l.getString("lockedAt")
                                        + " after "
                                        + l.getInteger("failures")
                                        + " failures, the last from "
                                        + l.getString("lastAddress"))
                            .toList()));
  }

  /**
   * Lifts the lock failed logins put on an account, on every node at once (the lock lives in the
   * shared store); a node's own count of recent failures is not reset, so the next wrong password
   * there may still have to wait.
   */
  private Future<String> unlockUser(Accounts accounts, CityConfig city) {
    String username = args.required("--username");
    if (!Accounts.isUsername(username)) {
      throw new UsageException("--username: " + Accounts.USERNAME_RULE);
    }
    return accounts
        .unlock(username)
        .map(was -> was ? "unlocked " + username : username + " was not locked");
  }

  private Future<String> addDevice(Accounts accounts, CityConfig city) {
    Role kind = role(args.required("--kind"));
    if (!kind.isDevice()) {
      throw new UsageException("--kind must be kiosk, display or agent");
    }
    String hall = args.required("--hall");
    checkHall(city, hall);
    String window = args.value("--window", null);
    if (window != null
        && city.halls().stream()
                .filter(h -> h.id().value().equals(hall))
                .findFirst()
                .orElseThrow()
                .windows()
                .get(new WindowId(window))
            == null) {
      throw new UsageException("hall " + hall + " has no window " + window);
    }
    return accounts
        .addDevice(kind, hall, window, args.value("--name", null))
        .map(
            token ->
                "added "
                    + kind.name().toLowerCase()
                    + " device for hall "
                    + hall
                    + (window == null ? "" : " window " + window)
                    + "; its token (shown once):\n"
                    + token);
  }

  private static Role role(String s) {
    try {
      return Role.parse(s);
    } catch (IllegalArgumentException e) {
      throw new UsageException("unknown role or kind: " + s);
    }
  }

  private static void checkHall(CityConfig city, String hall) {
    if (hall != null && city.halls().stream().noneMatch(h -> h.id().equals(new HallId(hall)))) {
      throw new UsageException("no hall " + hall + " in the configuration");
    }
  }

  private static char[] readPassword() {
    try {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) {
        throw new UsageException("no password on standard input");
      }
      return line.toCharArray();
    } catch (IOException e) {
      throw new UsageException("cannot read the password: " + e.getMessage());
    }
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
