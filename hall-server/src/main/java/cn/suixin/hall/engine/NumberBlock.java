package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.MatterCode;
import java.time.LocalDate;
import java.util.BitSet;

/** Numbers set aside for one kiosk's offline issuing on one business day (兜底服务). */
public final class NumberBlock {
  final long id;
  final DeviceId device;
  final MatterCode matter;
  final String prefix;
  final int from;
  final int to;
  final LocalDate day;
  final BitSet used = new BitSet();

  NumberBlock(
      long id, DeviceId device, MatterCode matter, String prefix, int from, int to, LocalDate day) {
    this.id = id;
    this.device = device;
    this.matter = matter;
    this.prefix = prefix;
    this.from = from;
    this.to = to;
    this.day = day;
  }

  public long id() {
    return id;
  }

  public DeviceId device() {
    return device;
  }

  public MatterCode matter() {
    return matter;
  }

  public String prefix() {
    return prefix;
  }

  public int from() {
    return from;
  }

  public int to() {
    return to;
  }

  public LocalDate day() {
    return day;
  }

  boolean contains(int number) {
    return number >= from && number <= to;
  }

  boolean isUsed(int number) {
    return used.get(number - from);
  }

  @Override
  public String toString() {
    return "block" + id + "[" + device + "," + matter + "," + prefix + from + ".." + to + "," + day
        + "," + used + "]";
  }
}
