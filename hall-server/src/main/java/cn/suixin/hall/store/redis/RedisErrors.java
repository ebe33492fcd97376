package cn.suixin.hall.store.redis;

import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

/** Tells Redis's own error replies (a script said no) from a link that failed or timed out. */
final class RedisErrors {

  private RedisErrors() {
  }

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
    // The client reports a link that dropped mid-call as an error "reply" of its own making.
    if (hasCode(t, "CONNECTION_CLOSED")) {
      return new RedisUnavailableException(what + ": Redis connection closed", t);
    }
    if (isReply(t) || t instanceof RedisUnavailableException || t instanceof IllegalStateException) {
      return t;
    }
    return new RedisUnavailableException(what + ": Redis unreachable or too slow (" + t + ")", t);
  }
}
