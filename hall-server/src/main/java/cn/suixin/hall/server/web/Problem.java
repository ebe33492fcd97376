package cn.suixin.hall.server.web;

import cn.suixin.hall.server.hall.HallRefusal;
import cn.suixin.hall.server.view.Masks;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error for a person to read, sent as {@code application/problem+json} with a Chinese and an
 * English message. Thrown or passed to {@code rc.fail} anywhere in a handler.
 */
public final class Problem extends RuntimeException {
  private final int status;
  private final String code;
  private final String messageZh;
  private final String messageEn;
  private final JsonObject extra = new JsonObject();
  private final Map<String, String> headers = new LinkedHashMap<>();

  public Problem(int status, String code, String messageZh, String messageEn) {
    super(code + ": " + messageEn, null, false, false);
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }

  public static Problem badField(String field, String problem) {
    return badField(field, problem, problem);
  }

  /** A 400 naming the field, with the problem in English and in Chinese. */
  public static Problem badField(String field, String problem, String problemZh) {
    return new Problem(
            400,
            "BAD_FIELD",
            "请求字段 " + field + " 有误：" + problemZh,
            "Field " + field + ": " + problem)
        .with("field", field);
  }

  /** A hall's refusal as the caller reads it; a hall that cannot take it now says when to retry. */
  public static Problem from(HallRefusal r) {
    Problem p = new Problem(r.status(), r.code(), r.messageZh(), r.messageEn());
    if (r.field() != null) {
      p.with("field", r.field());
    }
    if (r.detail() != null) {
      p.with("detail", r.detail());
    }
    return r.unavailable() ? p.header("Retry-After", "2") : p;
  }

  public static Problem unauthorized() {
    return new Problem(
        401, "UNAUTHORIZED", "请先登录或提供有效的设备令牌", "Log in or give a valid device token");
  }

  public static Problem forbidden(String zh, String en) {
    return new Problem(403, "FORBIDDEN", zh, en);
  }

  public static Problem notFound(String code, String zh, String en) {
    return new Problem(404, code, zh, en);
  }

  public static Problem unavailable(String detail) {
    return new Problem(
            503,
            "HALL_UNAVAILABLE",
            "大厅暂时无法处理请求，请稍后重试",
            "The hall cannot take commands now; retry shortly")
        .with("detail", detail)
        .header("Retry-After", "2");
  }

  public Problem with(String key, Object value) {
    extra.put(key, value);
    return this;
  }

  /** A response header that belongs to this problem, such as Retry-After or Allow. */
  public Problem header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public int status() {
    return status;
  }

  /**
   * The problem as sent. A detail or message may repeat what the caller sent (a matter code, a
   * window id), so every text in it is masked: no refusal sends an ID or phone number back in
   * clear.
   */
  public JsonObject body() {
    JsonObject body =
        new JsonObject()
            .put("type", "urn:suixin:problem:" + code.toLowerCase().replace('_', '-'))
            .put("title", messageEn)
            .put("status", status)
            .put("code", code)
            .put("message", messageZh)
            .put("messageEn", messageEn)
            .mergeIn(extra);
    for (String key : body.fieldNames()) {
      if (body.getValue(key) instanceof String s) {
        body.put(key, Masks.inText(s));
      }
    }
    return body;
  }
}
