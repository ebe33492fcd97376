package cn.suixin.hall.server.hall;

import cn.suixin.hall.engine.SequencedEvent;
import cn.suixin.hall.server.codec.JournalFormat;
import cn.suixin.hall.server.codec.UnknownJournalFormatException;
import cn.suixin.hall.store.HallJournal;
import cn.suixin.hall.store.JournalDamagedException;
import cn.suixin.hall.store.JournalEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a hall's journal in pages for a replay. Parsing the JSON of every event is most of a
 * replay's cost, and it needs no hall state, so each page is decoded on a worker thread while the
 * owner applies the page before it; the first page can be decoded while a snapshot is restored.
 */
final class ReplayPages {
  /** One event ready to apply, with the idempotency key and reply that travelled with it. */
  record Decoded(SequencedEvent event, String idempotencyKey, JsonObject reply) {}

  /** A page of decoded events and the raw entry they end at. */
  record Page(List<Decoded> events, JournalEntry last, boolean full) {}

  private final Vertx vertx;
  private final HallJournal journal;
  private final int size;

  ReplayPages(Vertx vertx, HallJournal journal, int size) {
    this.vertx = vertx;
    this.journal = journal;
    this.size = size;
  }

  /**
   * Starts reading and decoding the page at {@code seq}; the future completes on the caller's
   * context.
   */
  Future<Page> read(long seq) {
    return journal
        .readFrom(seq, size)
        .compose(entries -> vertx.executeBlocking(() -> decode(entries), false));
  }

  /**
   * Hands every event from {@code first} to the journal's end to {@code apply}, in order, on the
   * caller's context, and each page's last entry to {@code durable}.
   */
  Future<Void> applyAll(
      Future<Page> first, Consumer<Decoded> apply, Consumer<JournalEntry> durable) {
    return first.compose(
        page -> {
          Future<Page> next = page.full() ? read(page.last().seq() + 1) : null;
          page.events().forEach(apply);
          if (page.last() != null) {
            durable.accept(page.last());
          }
          return next == null ? Future.succeededFuture() : applyAll(next, apply, durable);
        });
  }

  private Page decode(List<JournalEntry> entries) {
    List<Decoded> events = new ArrayList<>(entries.size());
    for (JournalEntry entry : entries) {
      events.add(decode(entry));
    }
    return new Page(
        events, entries.isEmpty() ? null : entries.get(entries.size() - 1), entries.size() == size);
  }

  /**
   * An entry the store vouched for (its checksum matched) that is still not an event of this seq
   * was written wrong or edited by hand: damage, refused like a bad checksum.
   */
  private static Decoded decode(JournalEntry entry) {
    SequencedEvent event;
    JsonObject meta;
    try {
      JournalFormat.Read read = JournalFormat.read(entry.payload());
      meta = read.meta();
      event = read.event();
    } catch (UnknownJournalFormatException e) {
      throw e; // written by a newer server, not damaged: the hall is refused, told so
    } catch (RuntimeException e) {
      throw JournalDamagedException.inEvent(
          entry.seq(), "does not decode (" + e.getMessage() + ")");
    }
    if (event.seq() != entry.seq()) {
      throw JournalDamagedException.inEvent(entry.seq(), "says it is seq " + event.seq());
    }
    String key = meta == null ? null : meta.getString("idem");
    return new Decoded(event, key, key == null ? null : meta.getJsonObject("reply"));
  }
}
