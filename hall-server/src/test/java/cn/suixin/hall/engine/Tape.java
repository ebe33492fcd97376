package cn.suixin.hall.engine;

import java.util.ArrayList;
import java.util.List;

/** A state image kept as a list of values, to test the engine's side without any byte layout. */
final class Tape implements StateImage.Out, StateImage.In {
  private final List<Object> values = new ArrayList<>();
  private int read;

  @Override
  public void putInt(int value) {
    values.add(value);
  }

  @Override
  public void putLong(long value) {
    values.add(value);
  }

  @Override
  public void putString(String value) {
    values.add(value);
  }

  @Override
  public int getInt() {
    return (Integer) values.get(read++);
  }

  @Override
  public long getLong() {
    return (Long) values.get(read++);
  }

  @Override
  public String getString() {
    return (String) values.get(read++);
  }

  int unread() {
    return values.size() - read;
  }
}
