package cn.suixin.hall.server.hall;

/** Event-bus addresses of a hall: commands and queries go to its owner, events come from it. */
public final class Addresses {
  private Addresses() {}

  public static String commands(String hall) {
    return "hall." + hall + ".commands";
  }

  public static String queries(String hall) {
    return "hall." + hall + ".queries";
  }

  public static String events(String hall) {
    return "hall." + hall + ".events";
  }

  /** Device states reported by the hall's agents, for staff only; not part of the numbered feed. */
  public static String devices(String hall) {
    return "hall." + hall + ".devices";
  }
}
