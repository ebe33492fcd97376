package cn.suixin.hall.engine;

import java.util.Objects;

/**
 * Who asks for a command, as far as a rule of the hall depends on it.
 *
 * @param clerkStaffNo the staff number of the clerk asking; null when no clerk asks (a supervisor,
 *     a guide, a device, the hall's own tick)
 */
public record Asker(String clerkStaffNo) {
  /** Anyone the hall's rules do not tell apart. */
  public static final Asker ANYONE = new Asker(null);

  public static Asker clerk(String staffNo) {
    return new Asker(Objects.requireNonNull(staffNo, "staffNo"));
  }

  public boolean isClerk() {
    return clerkStaffNo != null;
  }
}
