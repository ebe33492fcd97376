package cn.suixin.hall.store;

import java.util.regex.Pattern;

/** A hall id names files under the data folder, so it must not be able to leave its folder. */
final class HallIds {

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private HallIds() {}

  static String requireFileName(String hallId) {
    if (!FILE_NAME.matcher(hallId).matches()) {
      throw new IllegalArgumentException("hall id must be a plain file name: " + hallId);
    }
    return hallId;
  }
}
