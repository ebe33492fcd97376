package cn.suixin.hall.store;

/**
 * An append refused because another node has taken the hall with a higher fencing token: this node
 * must stop writing the hall.
 */
public class FencedOffException extends RuntimeException {
  public FencedOffException(String message) {
    super(message, null, false, false);
  }
}
