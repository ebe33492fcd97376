package cn.suixin.hall.engine.config;

/** A counter window (窗口) of a hall, usually its painted number. */
public record WindowId(String value) {
  public WindowId {
    Ids.require(value, "window id");
  }

  @Override
  public String toString() {
    return value;
  }
}
