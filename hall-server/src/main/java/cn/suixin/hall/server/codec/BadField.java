package cn.suixin.hall.server.codec;

/** A request field that is missing or malformed; becomes a 400 naming the field. */
public final class BadField extends IllegalArgumentException {
  private final String field;

  public BadField(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
