package cn.suixin.agent.offline;

/**
 * Numbers the server reserved for this agent to hand out while it cannot reach the server.
 *
 * @param from first number, inclusive
 * @param to last number, inclusive
 * @param businessDay the hall-local day (yyyy-MM-dd) the numbers are valid for
 */
public record OfflineBlock(
    String id, String matter, String prefix, int from, int to, String businessDay) {

  public OfflineBlock {
    if (from > to || from < 0) {
      throw new IllegalArgumentException("bad block range " + from + ".." + to);
    }
  }

  /** "A" and 901 in a block up to 950 give "A901"; at least three digits, like online numbers. */
  public String format(int n) {
    int width = Math.max(3, Integer.toString(to).length());
    return prefix + String.format("%0" + width + "d", n);
  }
}
