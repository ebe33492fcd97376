package cn.suixin.agent.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Appends ESC/POS commands to a byte buffer; text is encoded with the printer profile's charset.
 */
public final class EscPosWriter {

  private static final byte ESC = 0x1B;
  private static final byte FS = 0x1C;
  private static final byte GS = 0x1D;
  private static final byte LF = 0x0A;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
  private final PrinterProfile profile;

  public EscPosWriter(PrinterProfile profile) {
    this.profile = profile;
  }

  /** Clears the print buffer and resets modes. ESC @ */
  public EscPosWriter initialize() {
    return raw(ESC, 0x40);
  }

  /** Selects Chinese character mode. FS & */
  public EscPosWriter chineseModeOn() {
    return raw(FS, 0x26);
  }

  /** Cancels Chinese character mode. FS . */
  public EscPosWriter chineseModeOff() {
    return raw(FS, 0x2E);
  }

  /** Selects justification: 0 left, 1 centre, 2 right. ESC a n */
  public EscPosWriter align(int n) {
    return raw(ESC, 0x61, n);
  }

  /** Turns emphasized mode on or off. ESC E n */
  public EscPosWriter bold(boolean on) {
    return raw(ESC, 0x45, on ? 1 : 0);
  }

  /** Selects character size: low nibble height-1, high nibble width-1. GS ! n */
  public EscPosWriter size(int n) {
    return raw(GS, 0x21, n);
  }

  /** Prints and feeds n lines. ESC d n */
  public EscPosWriter feed(int lines) {
    return raw(ESC, 0x64, lines);
  }

  /** Prints the buffer and feeds one line. LF */
  public EscPosWriter newline() {
    return raw(LF);
  }

  /** Text in the profile charset, followed by LF; broken between characters at the line width. */
  public EscPosWriter line(String text) {
    for (String part : TextWrap.wrap(text, profile.lineWidth())) {
      out.writeBytes(part.getBytes(profile.charset()));
      newline();
    }
    return this;
  }

  /** Executes paper cutting. GS V */
  public EscPosWriter cut() {
    out.writeBytes(profile.cut().bytes());
    return this;
  }

  /**
   * Prints a QR code: model 2, module size, error level M, store, print. GS ( k. The store length
   * counts bytes (UTF-8), so a URL with Chinese characters still frames correctly.
   */
  public EscPosWriter qr(String data, int moduleSize) {
    byte[] d = data.getBytes(StandardCharsets.UTF_8);
    int storeLength = d.length + 3;
    if (storeLength > 0xFFFF) {
      throw new IllegalArgumentException("QR data too long: " + d.length + " bytes");
    }
    raw(GS, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00);
    raw(GS, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, moduleSize);
    raw(GS, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31);
    raw(GS, 0x28, 0x6B, storeLength & 0xFF, storeLength >> 8, 0x31, 0x50, 0x30);
    out.writeBytes(d);
    return raw(GS, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30);
  }

  /** Prints a CODE128 barcode in code set B. GS k 73 n {B data */
  public EscPosWriter code128(String ascii) {
    byte[] d = ascii.getBytes(StandardCharsets.US_ASCII);
    raw(GS, 0x6B, 0x49, d.length + 2, 0x7B, 0x42);
    out.writeBytes(d);
    return this;
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }

  private EscPosWriter raw(int... bytes) {
    for (int b : bytes) {
      out.write(b);
    }
    return this;
  }
}
