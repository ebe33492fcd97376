package cn.suixin.agent.escpos;

/** Decodes the one-byte replies to real-time status requests DLE EOT n (10 04 n), n = 1..4. */
public final class StatusDecoder {

  private StatusDecoder() {}

  /** Transmits real-time status. DLE EOT n */
  public static byte[] request(int n) {
    checkN(n);
    return new byte[] {0x10, 0x04, (byte) n};
  }

  /** Every status byte has bits 1 and 4 set and bits 0 and 7 clear; anything else is line noise. */
  public static boolean isValid(int b) {
    return (b & 0x93) == 0x12;
  }

  public static PrinterStatus decode(int n, int reply) {
    checkN(n);
    int b = reply & 0xFF;
    if (!isValid(b)) {
      return PrinterStatus.INVALID_REPLY;
    }
    return switch (n) {
      case 1 -> bit(b, 3) ? PrinterStatus.OFFLINE : PrinterStatus.OK;
      case 2 -> offlineCause(b);
      case 3 -> errorCause(b);
      default -> paperSensor(b);
    };
  }

  /** The combined state after asking n = 1..4; a missing reply (null) means the printer is gone. */
  public static PrinterStatus combine(Integer... repliesForN1To4) {
    PrinterStatus worst = PrinterStatus.OK;
    for (int i = 0; i < repliesForN1To4.length; i++) {
      Integer reply = repliesForN1To4[i];
      worst = worst.worse(reply == null ? PrinterStatus.NO_REPLY : decode(i + 1, reply));
    }
    return worst;
  }

  private static PrinterStatus offlineCause(int b) {
    if (bit(b, 6)) {
      return PrinterStatus.ERROR;
    }
    if (bit(b, 2)) {
      return PrinterStatus.COVER_OPEN;
    }
    return bit(b, 5) ? PrinterStatus.PAPER_OUT : PrinterStatus.OK;
  }

  private static PrinterStatus errorCause(int b) {
    if (bit(b, 5)) {
      return PrinterStatus.UNRECOVERABLE;
    }
    if (bit(b, 3)) {
      return PrinterStatus.CUTTER_ERROR;
    }
    return bit(b, 6) ? PrinterStatus.ERROR : PrinterStatus.OK;
  }

  private static PrinterStatus paperSensor(int b) {
    if ((b & 0x60) != 0) {
      return PrinterStatus.PAPER_OUT;
    }
    return (b & 0x0C) != 0 ? PrinterStatus.PAPER_NEAR_END : PrinterStatus.OK;
  }

  private static boolean bit(int b, int i) {
    return (b & (1 << i)) != 0;
  }

  private static void checkN(int n) {
    if (n < 1 || n > 4) {
      throw new IllegalArgumentException("DLE EOT n must be 1..4: " + n);
    }
  }
}
