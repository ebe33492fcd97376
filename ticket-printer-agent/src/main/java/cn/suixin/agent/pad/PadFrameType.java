package cn.suixin.agent.pad;

/** The TYPE byte values of the rating pad protocol. */
public final class PadFrameType {

  public static final int PING = 0x01;
  public static final int SHOW_STAFF = 0x10;
  public static final int CALL = 0x11;
  public static final int REQUEST_RATING = 0x12;
  public static final int CANCEL_RATING = 0x13;
  public static final int NAK = 0x7E;
  public static final int ACK = 0x7F;
  public static final int STATUS = 0x81;
  public static final int RATING = 0x90;
  public static final int RATING_TIMEOUT = 0x91;

  private PadFrameType() {}

  /** ACK and NAK answer a frame; every other type must itself be answered. */
  public static boolean isReply(int type) {
    return type == ACK || type == NAK;
  }
}
