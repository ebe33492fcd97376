package cn.suixin.agent.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.Hex;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class TicketEncoderTest {

  private static final TicketLayout TICKET =
      new TicketLayout(
          "政务服务中心",
          "A001",
          "户籍业务",
          3,
          15,
          "1号、2号窗口",
          "2026-11-27 09:30",
          "http://h/f/1",
          false,
          null);

  @Test
  void full_ticket_matches_the_golden_bytes_for_xprinter() {
    String golden =
        String.join(
            " ",
            "1B 40", // ESC @ (no FS & for Xprinter)
            "1B 61 01", // centre
            "1B 45 01 D5 FE CE F1 B7 FE CE F1 D6 D0 D0 C4 0A 1B 45 00", // bold 政务服务中心
            "1D 21 33 41 30 30 31 0A 1D 21 00", // GS ! 33 A001
            "BB A7 BC AE D2 B5 CE F1 0A", // 户籍业务
            "C7 B0 C3 E6 BB B9 D3 D0 20 33 20 C8 CB 0A", // 前面还有 3 人
            "D4 A4 BC C6 B5 C8 B4 FD 20 31 35 20 B7 D6 D6 D3 0A", // 预计等待 15 分钟
            "B0 EC C0 ED B4 B0 BF DA 20 31 BA C5 A1 A2 32 BA C5 B4 B0 BF DA 0A", // 办理窗口 1号、2号窗口
            "32 30 32 36 2D 31 31 2D 32 37 20 30 39 3A 33 30 0A", // 2026-11-27 09:30
            "1D 28 6B 04 00 31 41 32 00", // QR model 2
            "1D 28 6B 03 00 31 43 08", // module 8
            "1D 28 6B 03 00 31 45 31", // level M
            "1D 28 6B 0F 00 31 50 30 68 74 74 70 3A 2F 2F 68 2F 66 2F 31", // store 12 + 3
            "1D 28 6B 03 00 31 51 30 0A", // print
            "1B 64 03", // feed 3
            "1D 56 42 00"); // feed and partial cut
    assertThat(Hex.of(new TicketEncoder(PrinterProfile.XPRINTER_80).encode(TICKET)))
        .isEqualTo(golden);
  }

  @Test
  void zijiang_wraps_the_ticket_in_chinese_mode() {
    byte[] b = new TicketEncoder(PrinterProfile.ZIJIANG_58).encode(TICKET);
    String hex = Hex.of(b);
    assertThat(hex).startsWith("1B 40 1C 26 1B 61 01").endsWith("1C 2E 1B 64 03 1D 56 42 00");
    assertThat(hex).contains("1D 21 11 41 30 30 31 0A 1D 21 00");
    assertThat(hex).contains("1D 28 6B 03 00 31 43 06");
  }

  @Test
  void offline_ticket_is_marked_first() {
    TicketLayout offline =
        new TicketLayout("政务服务中心", "A901", "户籍业务", 0, 0, "", "2026-11-27 09:30", "", true, null);
    String hex = Hex.of(new TicketEncoder(PrinterProfile.XPRINTER_80).encode(offline));
    // 离线票 OFFLINE in bold straight after centring
    assertThat(hex)
        .startsWith(
            "1B 40 1B 61 01 1B 45 01 C0 EB CF DF C6 B1 20 4F 46 46 4C 49 4E 45 0A 1B 45 00");
    assertThat(hex).doesNotContain("1D 28 6B");
  }

  @Test
  void green_channel_line_follows_the_matter() {
    TicketLayout green = new TicketLayout("政务服务中心", "G001", "户籍业务", 0, 0, "", "t", "", false, "军人");
    RenderedTicket r =
        new EscPosRenderer(Charset.forName("GB18030"))
            .render(new TicketEncoder(PrinterProfile.GENERIC).encode(green));
    assertThat(r.lines()).containsSubsequence("户籍业务", "绿色通道 军人", "前面还有 0 人");
  }

  @Test
  void ticket_renders_back_to_its_fields() {
    RenderedTicket r =
        new EscPosRenderer(Charset.forName("GBK"))
            .render(new TicketEncoder(PrinterProfile.ZIJIANG_58).encode(TICKET));
    assertThat(r.lines())
        .containsSubsequence(
            "政务服务中心", "A001", "户籍业务", "前面还有 3 人", "预计等待 15 分钟", "办理窗口 1号、2号窗口", "2026-11-27 09:30");
    assertThat(r.qrCodes()).containsExactly("http://h/f/1");
    assertThat(r.cuts()).isEqualTo(1);
  }

  @Test
  void self_test_shows_profile_barcode_and_qr() {
    byte[] b = new TicketEncoder(PrinterProfile.GENERIC).selfTest("2026-11-27 08:00");
    assertThat(Hex.of(b)).contains("1D 6B 49 06 7B 42 41 30 30 31");
    RenderedTicket r = new EscPosRenderer(Charset.forName("GB18030")).render(b);
    assertThat(r.lines()).contains("打印机自检 SELF-TEST", "政务服务中心", "profile generic GB18030");
    assertThat(r.barcodes()).containsExactly("A001");
    assertThat(r.qrCodes()).hasSize(1);
    assertThat(r.cuts()).isEqualTo(1);
  }

  @Test
  void profiles_are_found_by_name() {
    assertThat(PrinterProfile.named("Xprinter-80")).contains(PrinterProfile.XPRINTER_80);
    assertThat(PrinterProfile.named("zijiang-58")).contains(PrinterProfile.ZIJIANG_58);
    assertThat(PrinterProfile.named("nope")).isEmpty();
  }
}
