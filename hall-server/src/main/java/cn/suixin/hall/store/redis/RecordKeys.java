package cn.suixin.hall.store.redis;

import java.util.regex.Pattern;

/**
 * Key names of a record collection: its values hash, the order its keys were first written in, and
 * the counter that order draws from. All share the {@code {records}} hash tag so one script may
 * touch them together; collection names cannot hold ':' so no collection shadows another's keys.
 */
record RecordKeys(String values, String order, String counter) {

  private static final Pattern COLLECTION = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  static RecordKeys of(String collection) {
    if (!COLLECTION.matcher(collection).matches()) {
      throw new IllegalArgumentException(
          "collection must be letters, digits, '.', '-' or '_': " + collection);
    }
    String values = "{records}:" + collection;
    return new RecordKeys(values, values + ":order", "{records}::next");
  }
}
