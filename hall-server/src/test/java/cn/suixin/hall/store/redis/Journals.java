package cn.suixin.hall.store.redis;

import cn.suixin.hall.store.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Events for the Redis tests, each naming its seq and who wrote it, so a stray writer shows. */
final class Journals {

  private Journals() {}

  static JournalEntry entry(long seq, String writer) {
    String json = "{\"type\":\"TicketIssued\",\"seq\":" + seq + ",\"by\":\"" + writer + "\"}";
    return new JournalEntry(seq, json.getBytes(StandardCharsets.UTF_8));
  }

  static List<JournalEntry> entries(long from, int count, String writer) {
    List<JournalEntry> entries = new ArrayList<>(count);
    for (long seq = from; seq < from + count; seq++) {
      entries.add(entry(seq, writer));
    }
    return entries;
  }
}
