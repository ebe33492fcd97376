package cn.suixin.hall.config;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while the loader keeps going, so one run reports them all. */
final class Problems {
  private final List<ConfigProblem> found = new ArrayList<>();

  void add(Y at, String message) {
    found.add(new ConfigProblem(at.file(), at.line(), at.column(), at.path(), message));
  }

  void add(String file, String message) {
    found.add(new ConfigProblem(file, 1, 1, "", message));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ConfigException(found);
    }
  }
}
