package cn.suixin.hall.engine.config;

/** Code of a matter (事项), such as {@code EE-PASSPORT}. */
public record MatterCode(String value) implements Comparable<MatterCode> {
  public MatterCode {
    Ids.require(value, "matter code");
  }

  @Override
  public int compareTo(MatterCode other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
