package cn.suixin.hall.server.codec;

import cn.suixin.hall.engine.HallEvent;
import java.util.ArrayList;
import java.util.List;

/** Every concrete event type, found by walking the sealed hierarchy under {@link HallEvent}. */
final class EventClasses {
  private EventClasses() {}

  /** The event records, in declaration order of their groups. */
  static List<Class<? extends HallEvent>> all() {
    List<Class<? extends HallEvent>> leaves = new ArrayList<>();
    collect(HallEvent.class, leaves);
    return leaves;
  }

  @SuppressWarnings("unchecked")
  private static void collect(Class<?> type, List<Class<? extends HallEvent>> leaves) {
    if (!type.isSealed()) {
      leaves.add((Class<? extends HallEvent>) type);
      return;
    }
    for (Class<?> sub : type.getPermittedSubclasses()) {
      collect(sub, leaves);
    }
  }
}
