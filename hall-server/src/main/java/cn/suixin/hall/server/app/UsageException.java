package cn.suixin.hall.server.app;

/** A command line that cannot be run; its message is shown with the usage. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
