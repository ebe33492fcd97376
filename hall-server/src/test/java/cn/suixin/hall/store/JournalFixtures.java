package cn.suixin.hall.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Events whose payload names their seq, so a misplaced or duplicated one shows. */
final class JournalFixtures {

  private JournalFixtures() {}

  static JournalEntry entry(long seq) {
    String json = "{\"type\":\"TicketIssued\",\"seq\":" + seq + ",\"number\":\"A" + seq + "\"}";
    return new JournalEntry(seq, json.getBytes(StandardCharsets.UTF_8));
  }

  static List<JournalEntry> entries(long from, int count) {
    List<JournalEntry> entries = new ArrayList<>(count);
    for (long seq = from; seq < from + count; seq++) {
      entries.add(entry(seq));
    }
    return entries;
  }

  static long seqOf(byte[] payload) {
    String json = new String(payload, StandardCharsets.UTF_8);
    int start = json.indexOf("\"seq\":") + 6;
    return Long.parseLong(json.substring(start, json.indexOf(',', start)));
  }
}
