package cn.suixin.hall.store.redis;

import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

/** Tells Redis's own error replies (a script said no) from a link that failed or timed out. */
final class RedisErrors {

  private RedisErrors() {}

  static boolean isReply(Throwable t) {
    return t instanceof Response response && response.type() == ResponseType.ERROR;
  }

  /** True for an error reply whose code (first word) is {@code code}, like {@code NOSCRIPT}. */
  static boolean hasCode(Throwable t, String code) {
    if (!isReply(t)) {
      return false;
    }
    String message = String.valueOf(t.getMessage());
    return message.equals(code) || message.startsWith(code + " ");
  }

  /** Redis's error replies pass through; anything else means Redis was not reachable in time. */
  static Throwable unavailable(String what, Throwable t) {
    return isReply(t) && !hasCode(t, "CONNECTION_CLOSED") ? t : unreachable(what, t);
  }

  /**
   * Whatever failed on the way (a timeout, a socket closed under the call, a pool given up), the
   * caller learns that Redis was not reachable in time, which a hall answers with a 503.
   */
  static RedisUnavailableException unreachable(String what, Throwable t) {
    if (t instanceof RedisUnavailableException known) {
      return known;
    }
    // The client reports a link that dropped mid-call as an error "reply" of its own making.
    if (hasCode(t, "CONNECTION_CLOSED")) {
      return new RedisUnavailableException(what + ": Redis connection closed", t);
    }
    return new RedisUnavailableException(what + ": Redis unreachable or too slow (" + t + ")", t);
  }
}
