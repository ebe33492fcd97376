package cn.suixin.hall.engine;

import java.util.List;

/** Short forms for deciders. */
final class Decisions {
  private Decisions() {}

  static Decision accept(HallEvent... events) {
    return new Decision.Accepted(List.of(events));
  }

  static Decision reject(Rejection reason) {
    return new Decision.Rejected(reason);
  }

  static Decision reject(Rejection reason, String detail) {
    return new Decision.Rejected(reason, detail);
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
