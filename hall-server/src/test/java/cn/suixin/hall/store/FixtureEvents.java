package cn.suixin.hall.store;

import java.nio.charset.StandardCharsets;

/**
 * The server's side of a repair for store tests, over fixture payloads that name their seq: a
 * record is an event of its seq if it says so, and a marker names the seqs around it.
 */
public final class FixtureEvents implements JournalEvents {

  @Override
  public String problem(long seq, byte[] payload) {
    long said = seqOf(payload);
    return said == seq ? null : "says it is seq " + said;
  }

  @Override
  public byte[] lostEvent(long seq, byte[] before, byte[] after, String reason) {
    return marker(seq, before == null ? -1 : seqOf(before), after == null ? -1 : seqOf(after));
  }

  /**
   * The marker a repair writes for {@code seq} between records {@code before} and {@code after}.
   */
  public static byte[] marker(long seq, long before, long after) {
    return ("{\"type\":\"lost\",\"seq\":"
            + seq
            + ",\"before\":"
            + before
            + ",\"after\":"
            + after
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static long seqOf(byte[] payload) {
    String json = new String(payload, StandardCharsets.UTF_8);
    int start = json.indexOf("\"seq\":") + 6;
    return start < 6 ? -1 : Long.parseLong(json.substring(start, json.indexOf(',', start)));
  }
}
