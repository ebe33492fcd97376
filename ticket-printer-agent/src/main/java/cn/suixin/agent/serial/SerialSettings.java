package cn.suixin.agent.serial;

/**
 * Line settings; always 8 data bits, 1 stop bit, no parity, no flow control, because that is what
 * pads, LED screens and ticket printers here speak.
 */
public record SerialSettings(String path, int baud) {

  /** Rating pads and LED screens run at 9600 8N1. */
  public static SerialSettings pad(String path) {
    return new SerialSettings(path, 9600);
  }

  public static SerialSettings printer(String path, int baud) {
    return new SerialSettings(path, baud);
  }
}
