package cn.suixin.hall.store.redis;

/**
 * Redis could not be reached or did not answer in time. For an append the outcome is unknown (the
 * script may have run just before the link broke): the writer rebuilds from the journal, which
 * tells what landed. Later calls reconnect on their own.
 */
public final class RedisUnavailableException extends RuntimeException {

  public RedisUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
