package cn.suixin.hall.engine;

/** A kiosk, screen or agent known to the hall. */
public record DeviceId(String value) {
  @Override
  public String toString() {
    return value;
  }
}
