package cn.suixin.hall.server.auth;

/** Why a login gave no session; {@code retryAfterSeconds} is 0 unless waiting helps. */
public final class LoginRefused extends RuntimeException {
  /** The reasons a caller is told apart by. */
  public enum Reason {
    /** The username is no one's or the password is wrong: deliberately one answer. */
    BAD_CREDENTIALS,
    /** Too many failures for this username or address: wait. */
    THROTTLED,
    /** Locked after repeated failures until an administrator unlocks it. */
    LOCKED,
    /** Every hashing thread is busy and the queue is full. */
    BUSY
  }

  private final Reason reason;
  private final long retryAfterSeconds;

  LoginRefused(Reason reason, long retryAfterSeconds) {
    super(reason.name(), null, false, false);
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public Reason reason() {
    return reason;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
