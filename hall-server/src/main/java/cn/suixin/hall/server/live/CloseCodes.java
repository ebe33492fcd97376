package cn.suixin.hall.server.live;

/** WebSocket close codes of the live feed (docs/live-protocol.md). */
public final class CloseCodes {
  public static final short BAD_MESSAGE = 4400;
  public static final short NOT_ALLOWED = 4401;
  public static final short HANDSHAKE_TIMEOUT = 4408;

  /** Server going down: reconnect with backoff. */
  public static final short SERVICE_RESTART = 1012;

  /** Too slow to keep up: reconnect later and resync. */
  public static final short TRY_AGAIN_LATER = 1013;

  private CloseCodes() {}
}
