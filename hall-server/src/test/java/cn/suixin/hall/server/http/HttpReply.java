package cn.suixin.hall.server.http;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

/** What the server answered to one test request: status, headers and the body as text. */
public record HttpReply(int status, MultiMap headers, String body) {

  /** The body as a JSON object (a problem, a result, a snapshot). */
  public JsonObject json() {
    return body == null || body.isEmpty() ? new JsonObject() : new JsonObject(body);
  }

  /** The body of a 2xx answer as JSON; any other status fails the test with the body. */
  public JsonObject ok() {
    if (status < 200 || status >= 300) {
      throw new AssertionError("expected a 2xx answer, got " + this);
    }
    return json();
  }

  /** The problem's {@code code}, or null when the body is not a problem. */
  public String code() {
    return isProblem() ? json().getString("code") : null;
  }

  public boolean isProblem() {
    String type = headers.get("Content-Type");
    return type != null && type.startsWith("application/problem+json");
  }

  public String header(String name) {
    return headers.get(name);
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
