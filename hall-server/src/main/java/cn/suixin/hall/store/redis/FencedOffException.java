package cn.suixin.hall.store.redis;

/**
 * A hall's journal refused an append because another node took the hall over with a higher
 * fencing token. Final for the writer: it no longer owns the hall and must stop, never retry.
 */
public final class FencedOffException extends IllegalStateException {

  public FencedOffException(String message) {
    super(message);
  }
}
