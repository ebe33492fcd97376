package cn.suixin.hall.server.http;

import cn.suixin.hall.server.codec.BadField;
import cn.suixin.hall.server.hall.HallRefusal;
import cn.suixin.hall.server.web.Problem;
import cn.suixin.hall.store.redis.RedisUnavailableException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one failure handler: every error leaves as problem+json with Chinese and English text. */
final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  static void handle(RoutingContext rc) {
    if (rc.failure() instanceof HallRefusal r && r.nothingToDo()) {
      rc.response().setStatusCode(204).end();
      return;
    }
    Problem p = toProblem(rc);
    if (p.status() >= 500 && p.status() != 503) {
      LOG.error("{} {} failed", rc.request().method(), rc.request().path(), rc.failure());
    }
    send(rc.response(), p);
  }

  static void send(HttpServerResponse response, Problem p) {
    if (response.ended() || response.headWritten()) {
      return;
    }
    p.headers().forEach(response::putHeader);
    response
        .setStatusCode(p.status())
        .putHeader("Content-Type", "application/problem+json; charset=utf-8")
        .end(p.body().encode());
  }

  private static Problem toProblem(RoutingContext rc) {
    Throwable f = rc.failure();
    if (f instanceof Problem p) {
      return p;
    }
    if (f instanceof HallRefusal r) {
      return Problem.from(r);
    }
    if (f instanceof RedisUnavailableException) {
      // the store is down: the same honest 503 as a hall that cannot take commands
      return Problem.unavailable("store unreachable");
    }
    if (f instanceof BadField b) {
      return b.problemZh() == null
          ? Problem.badField(b.field(), b.problem())
          : Problem.badField(b.field(), b.problem(), b.problemZh());
    }
    if (f instanceof DecodeException || f instanceof ClassCastException) {
      return Problem.badField("body", "not a JSON object", "不是 JSON 对象");
    }
    int status = f instanceof HttpException h ? h.getStatusCode() : rc.statusCode();
    switch (status) {
      case 400:
        return Problem.badField("body", "malformed request", "请求格式有误");
      case 401:
        return Problem.unauthorized();
      case 404:
        return Problem.notFound("NOT_FOUND", "没有该资源", "Not found");
      case 405:
        return new Problem(405, "METHOD_NOT_ALLOWED", "不支持该请求方法", "Method not allowed");
      case 413:
        return new Problem(413, "BODY_TOO_LARGE", "请求内容过大", "Request body too large");
      case 415:
        return new Problem(415, "UNSUPPORTED_MEDIA_TYPE", "请以 JSON 提交", "Send JSON");
      default:
        return new Problem(500, "INTERNAL", "服务器内部错误", "Internal server error");
    }
  }
}
