package cn.suixin.hall.server.codec;

import java.util.function.Supplier;

/** A request field that is missing or malformed; becomes a 400 naming the field. */
public final class BadField extends IllegalArgumentException {
  private final String field;
  private final String problem;
  private final String problemZh;

  public BadField(String field, String problem) {
    this(field, problem, null);
  }

  /** With the problem also in Chinese, for the person who reads the refusal. */
  public BadField(String field, String problem, String problemZh) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
    this.problemZh = problemZh;
  }

  /**
   * Runs a read of a nested object, naming its fields from the outer path: {@code number} read
   * inside {@code tickets[2]} is refused as {@code tickets[2].number}.
   */
  public static <T> T within(String path, Supplier<T> read) {
    try {
      return read.get();
    } catch (BadField e) {
      throw new BadField(path + "." + e.field, e.problem, e.problemZh);
    }
  }

  public String problem() {
    return problem;
  }

  /** The problem in Chinese, or null where only the English text was written. */
  public String problemZh() {
    return problemZh;
  }

  public String field() {
    return field;
  }
}
