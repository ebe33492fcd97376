package cn.suixin.agent.escpos;

/** Turns a ticket layout into the ESC/POS bytes for one printer profile. */
public final class TicketEncoder {

  static final String OFFLINE_MARK = "离线票 OFFLINE";

  private final PrinterProfile profile;

  public TicketEncoder(PrinterProfile profile) {
    this.profile = profile;
  }

  public byte[] encode(TicketLayout t) {
    EscPosWriter w = start();
    if (t.offline()) {
      // Offline numbers come from a reserved block; staff must see at a glance why they look odd.
      w.bold(true).line(OFFLINE_MARK).bold(false);
    }
    w.bold(true).line(t.hallName()).bold(false);
    w.size(profile.numberSize()).line(t.number()).size(0x00);
    w.line(t.matterName());
    if (present(t.greenChannelName())) {
      w.line("绿色通道 " + t.greenChannelName());
    }
    w.line("前面还有 " + t.peopleAhead() + " 人");
    w.line("预计等待 " + t.estimatedWaitMinutes() + " 分钟");
    if (present(t.windowsText())) {
      w.line("办理窗口 " + t.windowsText());
    }
    w.line(t.issuedAt());
    if (present(t.followUrl())) {
      w.qr(t.followUrl(), profile.qrModuleSize()).newline();
    }
    return finish(w);
  }

  /** A ticket that shows what this profile does, printed when a printer is installed. */
  public byte[] selfTest(String issuedAt) {
    EscPosWriter w = start();
    w.bold(true).line("打印机自检 SELF-TEST").bold(false);
    w.line("profile " + profile.name() + " " + profile.charset().name());
    w.line("政务服务中心");
    w.size(profile.numberSize()).line("A001").size(0x00);
    w.code128("A001").newline();
    w.qr("https://suixin.example/self-test", profile.qrModuleSize()).newline();
    w.line(issuedAt);
    return finish(w);
  }

  private EscPosWriter start() {
    EscPosWriter w = new EscPosWriter(profile).initialize();
    if (profile.chineseMode()) {
      w.chineseModeOn();
    }
    return w.align(1);
  }

  private byte[] finish(EscPosWriter w) {
    if (profile.chineseMode()) {
      w.chineseModeOff();
    }
    return w.feed(3).cut().toByteArray();
  }

  private static boolean present(String s) {
    return s != null && !s.isEmpty();
  }
}
