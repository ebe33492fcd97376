package cn.suixin.hall.server.codec;

/** A request field that is missing or malformed; becomes a 400 naming the field. */
public final class BadField extends IllegalArgumentException {
  private final String field;
  private final String problem;

  public BadField(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  public String problem() {
    return problem;
  }

  public String field() {
    return field;
  }
}
