package cn.suixin.hall.server.hall;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a hall owner speaks of a failure it survives. An exception's message may quote what a person
 * typed (a rating comment, a proof text), so logs carry its class and where it was thrown, never
 * its message.
 */
final class Faults {
  private static final Logger LOG = LoggerFactory.getLogger(Faults.class);
  private static final int FRAMES = 8;

  private Faults() {}

  /**
   * {@code java.lang.ClassCastException at a.B.c(B.java:12) < a.D.e(D.java:30) ...}, causes'
   * classes after.
   */
  static String describe(Throwable t) {
    StringBuilder s =
        new StringBuilder(t.getClass().getName())
            .append(" at ")
            .append(
                Arrays.stream(t.getStackTrace())
                    .limit(FRAMES)
                    .map(String::valueOf)
                    .collect(Collectors.joining(" < ")));
    for (Throwable cause = t.getCause(); cause != null && cause != t; cause = cause.getCause()) {
      s.append("; caused by ").append(cause.getClass().getName());
    }
    return s.toString();
  }

  /**
   * The command's type as it names itself, when that is a plain word; never anything else of it.
   */
  static String commandType(JsonObject body) {
    Object type = body == null ? null : body.getValue("type");
    return type instanceof String s && s.matches("[a-z-]{1,32}") ? s : "unnamed";
  }

  /** Runs one step of finishing a batch; a failure is logged and the owner carries on. */
  static void guard(String hall, String step, Runnable work) {
    try {
      work.run();
    } catch (Exception e) {
      LOG.error("hall {}: {} failed ({}); carrying on", hall, step, describe(e));
    }
  }
}
