package cn.suixin.hall.server.auth;

/**
 * An authenticated caller.
 *
 * @param id the username or the device id
 * @param hall the hall it belongs to; null for city-wide staff (admins, city supervisors)
 * @param window the window of a window-bound device; null otherwise
 * @param staffNo a person's staff number (警号/工号)
 */
public record Principal(
    String id, Role role, String hall, String window, String staffNo, String name) {

  /** Whether this caller may act in a hall at all. */
  public boolean belongsTo(String hallId) {
    return hall == null || hall.equals(hallId);
  }

  public boolean is(Role... roles) {
    for (Role r : roles) {
      if (role == r) {
        return true;
      }
    }
    return false;
  }
}
