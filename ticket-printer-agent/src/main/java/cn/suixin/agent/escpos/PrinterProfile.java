package cn.suixin.agent.escpos;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What differs between the ticket printers found in halls. Xprinter models default to GB18030
 * without the Chinese-mode bytes; Zijiang firmware needs FS & ... FS . around Chinese text; cheap
 * models accept only 00/01/10/11 as the GS ! size byte and small QR modules.
 *
 * @param name profile name given on the command line
 * @param charset GB18030 or GBK
 * @param chineseMode whether to wrap the ticket in FS & / FS .
 * @param numberSize GS ! byte for the big ticket number
 * @param cut the cut command this printer obeys
 * @param qrModuleSize QR dot size 1..16
 * @param lineWidth characters per line in the normal font
 */
public record PrinterProfile(
    String name,
    Charset charset,
    boolean chineseMode,
    int numberSize,
    CutCommand cut,
    int qrModuleSize,
    int lineWidth) {

  public static final PrinterProfile XPRINTER_80 =
      new PrinterProfile(
          "xprinter-80",
          Charset.forName("GB18030"),
          false,
          0x33,
          CutCommand.FEED_AND_PARTIAL_CUT,
          8,
          48);
  public static final PrinterProfile ZIJIANG_58 =
      new PrinterProfile(
          "zijiang-58", Charset.forName("GBK"), true, 0x11, CutCommand.FEED_AND_PARTIAL_CUT, 6, 32);
  public static final PrinterProfile GENERIC =
      new PrinterProfile(
          "generic",
          Charset.forName("GB18030"),
          true,
          0x11,
          CutCommand.FEED_AND_PARTIAL_CUT,
          6,
          48);

  public PrinterProfile {
    if (qrModuleSize < 1 || qrModuleSize > 16) {
      throw new IllegalArgumentException("QR module size must be 1..16: " + qrModuleSize);
    }
    if (numberSize < 0 || numberSize > 0x77) {
      throw new IllegalArgumentException("GS ! size byte out of range: " + numberSize);
    }
  }

  public static List<PrinterProfile> all() {
    return List.of(XPRINTER_80, ZIJIANG_58, GENERIC);
  }

  public static Optional<PrinterProfile> named(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return all().stream().filter(p -> p.name().equals(wanted)).findFirst();
  }
}
