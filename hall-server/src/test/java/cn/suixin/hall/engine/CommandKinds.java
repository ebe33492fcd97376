package cn.suixin.hall.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every kind of command, found by walking the sealed hierarchy, and a sample of each. */
public final class CommandKinds {
  private CommandKinds() {}

  /** The records that implement HallCommand, through its sealed sub-interfaces. */
  public static List<Class<?>> all() {
    List<Class<?>> kinds = new ArrayList<>();
    walk(HallCommand.class, kinds);
    return kinds;
  }

  private static void walk(Class<?> type, List<Class<?>> into) {
    for (Class<?> sub : type.getPermittedSubclasses()) {
      if (sub.isInterface()) {
        walk(sub, into);
      } else {
        into.add(sub);
      }
    }
  }

  /**
   * An instance built from empty values: enough to see where it is dispatched, not to decide it.
   */
  public static HallCommand sample(Class<?> kind) throws ReflectiveOperationException {
    RecordComponent[] parts = kind.getRecordComponents();
    Class<?>[] types = new Class<?>[parts.length];
    Object[] values = new Object[parts.length];
    for (int i = 0; i < parts.length; i++) {
      types[i] = parts[i].getType();
      values[i] = empty(types[i]);
    }
    Constructor<?> c = kind.getDeclaredConstructor(types);
    return (HallCommand) c.newInstance(values);
  }

  private static Object empty(Class<?> type) {
    if (type == int.class) {
      return 0;
    } else if (type == long.class) {
      return 0L;
    } else if (type == boolean.class) {
      return false;
    } else if (type == List.class) {
      return List.of();
    } else if (type == Map.class) {
      return Map.of();
    }
    return null;
  }
}
