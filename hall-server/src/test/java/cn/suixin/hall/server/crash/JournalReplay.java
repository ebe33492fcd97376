package cn.suixin.hall.server.crash;

import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.SequencedEvent;
import cn.suixin.hall.server.codec.EventCodec;
import cn.suixin.hall.store.FileHallJournal;
import cn.suixin.hall.store.HallJournal;
import cn.suixin.hall.store.JournalEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A hall's journal read back the way the server replays it ({@link FileHallJournal} + {@link
 * EventCodec}), for a stopped server's data folder: what is in here is what survived.
 */
public final class JournalReplay {
  private JournalReplay() {}

  /** One issued ticket with the business day it was issued on. */
  public record Issued(long seq, LocalDate day, String ticket, String number) {}

  public static List<SequencedEvent> events(Path data, String hall) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      HallJournal journal = await(FileHallJournal.open(vertx, data.resolve("journal"), hall));
      try {
        List<SequencedEvent> events = new ArrayList<>();
        for (JournalEntry e : await(journal.readFrom(1, Integer.MAX_VALUE))) {
          events.add(EventCodec.decode(Buffer.buffer(e.payload())));
        }
        return events;
      } finally {
        await(journal.close());
      }
    } finally {
      await(vertx.close());
    }
  }

  /** Every ticket.issued, tagged with the business day that was running when it was issued. */
  public static List<Issued> issued(List<SequencedEvent> events) {
    List<Issued> issued = new ArrayList<>();
    LocalDate day = null;
    for (SequencedEvent se : events) {
      if (se.event() instanceof HallEvent.BusinessDayStarted d) {
        day = d.day();
      } else if (se.event() instanceof HallEvent.TicketIssued t) {
        issued.add(new Issued(se.seq(), day, t.ticket().value(), t.number()));
      }
    }
    return issued;
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
