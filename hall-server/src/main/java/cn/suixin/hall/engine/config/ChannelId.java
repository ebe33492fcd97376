package cn.suixin.hall.engine.config;

/** A green channel (绿色通道), such as {@code gaokao}. */
public record ChannelId(String value) {
  public ChannelId {
    Ids.require(value, "green channel id");
  }

  @Override
  public String toString() {
    return value;
  }
}
