package cn.suixin.hall.engine.config;

/** Code of a matter (事项), such as {@code EE-PASSPORT}. */
public record MatterCode(String value) {
  public MatterCode {
    Ids.require(value, "matter code");
  }

  @Override
  public String toString() {
    return value;
  }
}
