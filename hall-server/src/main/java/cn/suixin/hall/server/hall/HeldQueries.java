package cn.suixin.hall.server.hall;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a hall's queries from durable state only: while a batch is being written its events are
 * applied in memory but not yet acknowledged, so a query waits for the append. A readiness probe
 * asks only whether the owner answers, and must not wait behind a stalled append.
 */
final class HeldQueries {
  private static final Logger LOG = LoggerFactory.getLogger(HeldQueries.class);
  private final String hall;
  private final ArrayDeque<Message<JsonObject>> waiting = new ArrayDeque<>();

  HeldQueries(String hall) {
    this.hall = hall;
  }

  void take(Message<JsonObject> query, OwnerPhase phase, HallReads reads) {
    if (!phase.answersQueries() && !HallReads.isProbe(query.body())) {
      waiting.add(query);
    } else {
      answer(query, phase, reads);
    }
  }

  /** Answers the queries that waited, once the state is durable again. */
  void answerWaiting(OwnerPhase phase, HallReads reads) {
    while (!waiting.isEmpty()) {
      answer(waiting.poll(), phase, reads);
    }
  }

  int waiting() {
    return waiting.size();
  }

  private void answer(Message<JsonObject> q, OwnerPhase phase, HallReads reads) {
    try {
      q.reply(phase.takesCommands() ? reads.answer(q.body()) : Replies.unavailable("recovering"));
    } catch (RuntimeException e) {
      LOG.error("hall {}: a query failed ({})", hall, Faults.describe(e));
      q.reply(Replies.fault());
    }
  }
}
