package cn.suixin.hall.engine;

/**
 * A service record (办件): one service of one ticket at one window. Rating pads carry it as a u32, so
 * it is a per-hall counter.
 */
public record ServiceRecordId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
