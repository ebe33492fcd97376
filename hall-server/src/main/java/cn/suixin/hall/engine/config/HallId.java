package cn.suixin.hall.engine.config;

/** A hall of the city: the city hall or one of the PSB sub-centres. */
public record HallId(String value) {
  public HallId {
    Ids.require(value, "hall id");
  }

  @Override
  public String toString() {
    return value;
  }
}
