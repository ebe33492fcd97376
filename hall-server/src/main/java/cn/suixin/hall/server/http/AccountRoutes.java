package cn.suixin.hall.server.http;

import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.LoginRefused;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.codec.Json;
import cn.suixin.hall.server.web.Problem;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging in, and an administrator lifting the lock that repeated failed logins put on an account.
 */
final class AccountRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(AccountRoutes.class);
  private final ApiContext ctx;

  AccountRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  void login(RoutingContext rc) {
    JsonObject body = Bodies.object(rc, "username", "password");
    String username = username(Json.requiredString(body, "username"));
    String password = Json.requiredString(body, "password");
    ctx.accounts
        .login(username, password.toCharArray(), ctx.clients.of(rc.request()))
        .onSuccess(r -> Responses.json(rc, 200, r))
        .onFailure(f -> rc.fail(f instanceof LoginRefused refused ? problem(refused) : f));
  }

  void unlock(RoutingContext rc) {
    String admin = Guards.require(rc, null, Role.ADMIN).id();
    Bodies.object(rc);
    String username = username(rc.pathParam("username"));
    ctx.accounts
        .unlock(username)
        .onSuccess(
            was -> {
              LOG.warn(
                  "account {} {} by {}",
                  username,
                  was ? "unlocked" : "was not locked; counts cleared",
                  admin);
              Responses.json(
                  rc, 200, new JsonObject().put("username", username).put("wasLocked", was));
            })
        .onFailure(rc::fail);
  }

  private static String username(String name) {
    if (!Accounts.isUsername(name)) {
      throw Problem.badField(
          "username",
          Accounts.USERNAME_RULE,
          "用户名须为 2-32 位字母、数字或 . _ -，且不得含 11 位以上连续数字（不得为身份证号或手机号）");
    }
    return name;
  }

  private static Problem problem(LoginRefused refused) {
    long wait = refused.retryAfterSeconds();
    return switch (refused.reason()) {
      case BAD_CREDENTIALS ->
          new Problem(401, "BAD_CREDENTIALS", "用户名或密码错误", "Wrong username or password");
      case THROTTLED ->
          new Problem(
                  429,
                  "LOGIN_THROTTLED",
                  "登录失败次数过多，请 " + wait + " 秒后再试",
                  "Too many failed logins; try again in " + wait + " s")
              .with("retryAfterSeconds", wait)
              .header("Retry-After", Long.toString(wait));
      case LOCKED ->
          new Problem(
              423,
              "ACCOUNT_LOCKED",
              "该账号因多次登录失败已被锁定，请联系管理员解锁",
              "This account is locked after repeated failed logins; ask an administrator to unlock it");
      case BUSY ->
          new Problem(
                  503, "LOGIN_BUSY", "同时登录的人过多，请稍后再试", "Too many logins at once; try again shortly")
              .with("retryAfterSeconds", wait)
              .header("Retry-After", Long.toString(wait));
    };
  }
}
