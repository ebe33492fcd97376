package cn.suixin.hall.store.redis;

import java.util.regex.Pattern;

/**
 * Key names of one hall. The {@code {hall:<id>}} hash tag puts a hall's stream, owner and fence in
 * one Redis Cluster slot, which a script touching all three requires; the snapshot shares the tag
 * so it lives on the node that holds the stream it summarizes.
 */
record HallKeys(String events, String owner, String fence, String snapshot) {

  private static final Pattern HALL_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  static HallKeys of(String hallId) {
    if (!HALL_ID.matcher(hallId).matches()) {
      throw new IllegalArgumentException("hall id must be letters, digits, '-' or '_': " + hallId);
    }
    String tag = "{hall:" + hallId + "}";
    return new HallKeys(tag + ":events", tag + ":owner", tag + ":fence", tag + ":snapshot");
  }

  /** Where a repair builds the stream's replacement, in the same slot. */
  String rebuilt() {
    return events + ":repairing";
  }

  /** Where a repair keeps the stream as it found it. */
  String backup(long millis) {
    return events + ":before-repair-" + millis;
  }
}
