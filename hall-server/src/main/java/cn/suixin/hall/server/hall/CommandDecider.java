package cn.suixin.hall.server.hall;

import cn.suixin.hall.engine.Applied;
import cn.suixin.hall.engine.Asker;
import cn.suixin.hall.engine.CommandResult;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.HallEngine;
import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.SequencedEvent;
import cn.suixin.hall.server.codec.BadField;
import cn.suixin.hall.server.codec.JournalFormat;
import cn.suixin.hall.store.JournalEntry;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides a hall's commands one after another into a batch, against its engine.
 *
 * <p>No exception from one command may stop the hall. A command that cannot be read is refused with
 * a 400 and the batch goes on. A command whose deciding throws is refused with a 500 (a bug, logged
 * at ERROR) and ends the batch: by then the engine may have applied part of it, and a state that no
 * replay of the journal gives must not decide anything more. The owner writes what was decided
 * before it, then rebuilds the hall from the journal and decides the commands after it (see
 * HallVerticle#flush); a rebuild replays at most one snapshot interval.
 */
final class CommandDecider {
  private static final Logger LOG = LoggerFactory.getLogger(CommandDecider.class);
  private final String hall;
  private final HallEngine engine;
  private final HallReads reads;
  private final IdempotencyCache idempotency;
  private final Clock clock;

  CommandDecider(
      String hall, HallEngine engine, HallReads reads, IdempotencyCache idempotency, Clock clock) {
    this.hall = hall;
    this.engine = engine;
    this.reads = reads;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  void decide(PendingCommand p, Batch batch) {
    HallRequest request;
    try {
      request = p.body() instanceof HallRequest r ? r : HallRequest.fromJson((JsonObject) p.body());
    } catch (BadField e) {
      batch.answer(p, Replies.badField(e.field(), e.problem()));
      return;
    } catch (IllegalArgumentException e) {
      batch.answer(p, Replies.badField("body", e.getMessage()));
      return;
    } catch (Exception e) {
      LOG.warn(
          "hall {}: a command ({}) could not be read ({}); refused it",
          hall,
          p.type(),
          Faults.describe(e));
      batch.answer(p, Replies.badField("body", "is not a command this hall can read"));
      return;
    }
    String key = request.idempotencyKey();
    JsonObject earlier = key == null ? null : idempotency.get(key);
    if (earlier != null) {
      // a retry gets its first reply again
      batch.answer(p, earlier.put("replayed", true));
      return;
    }
    long seq = engine.state().seq();
    Batch.Mark mark = batch.mark();
    try {
      apply(p, key, request.command(), request.asker(), batch);
    } catch (Exception e) {
      LOG.error(
          "hall {}: deciding a command ({}) at seq {} failed ({}); refused it, rebuilding the hall from its"
              + " journal",
          hall,
          p.type(),
          seq,
          Faults.describe(e));
      batch.undo(mark);
      batch.answer(p, Replies.fault());
    }
  }

  private void apply(PendingCommand p, String key, HallCommand command, Asker asker, Batch batch) {
    CommandResult result = engine.execute(command, asker, clock.instant());
    JsonObject reply = Replies.of(command, result, engine.state());
    int issued = 0;
    List<Applied> events = result.applied();
    for (int i = 0; i < events.size(); i++) {
      SequencedEvent se = events.get(i).event();
      JsonObject meta = null;
      if (i == events.size() - 1 && key != null && result.accepted()) {
        meta = new JsonObject().put("idem", key).put("reply", reply);
      }
      JournalEntry entry = new JournalEntry(se.seq(), JournalFormat.write(se, meta));
      reads.live().track(se, engine.state());
      batch.entry(entry, reads.live().message(events.get(i), engine.state(), reads.localNow()));
      if (se.event() instanceof HallEvent.TicketIssued) {
        issued++;
      }
    }
    if (key != null && result.accepted()) {
      idempotency.put(key, reply);
    }
    batch.issued(issued);
    batch.answer(p, reply);
  }
}
