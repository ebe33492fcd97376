package cn.suixin.hall.engine;

/** Which routing rule chose a ticket for a window: the engine's explanation of a call. */
public enum PickRule {
  /** Transferred to this very window, or resumed there. */
  DIRECTED_TO_WINDOW("转本窗口", "Transferred to this window"),
  /** An appointment inside its slot goes first. */
  APPOINTMENT_IN_SLOT("预约时段内", "Appointment within its slot"),
  /** A green-channel ticket goes before regular ones. */
  GREEN_CHANNEL("绿色通道优先", "Green channel first"),
  /** Green tickets reached their run limit while a regular ticket waited past the bound. */
  FAIRNESS_BOUND("常规号等待超限", "Regular ticket waited past the fairness bound"),
  /** The highest weight times wait among the window's matters. */
  WEIGHTED_WAIT("按权重与等待时长", "Highest weight times waiting time");

  private final String zh;
  private final String en;

  PickRule(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
