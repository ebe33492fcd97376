package cn.suixin.hall.server.hall;

import cn.suixin.hall.store.FencedOffException;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a hall's writer does once its journal refused an append because another node took the hall
 * (a higher fencing token): it writes nothing more, refuses the batch and everything waiting with a
 * 503 (the caller retries and reaches the new owner), and tells ownership to stop it.
 */
final class FencedOff {
  /** Local address told when a writer was fenced off, so ownership can stop it. */
  static final String ADDRESS = "suixin.hall.fenced";

  private static final Logger LOG = LoggerFactory.getLogger(FencedOff.class);

  private FencedOff() {}

  static boolean is(Throwable appendFailure) {
    return appendFailure instanceof FencedOffException;
  }

  static void stopWriting(String hall, Batch batch, GroupCommit commit, EventBus bus) {
    LOG.warn("hall {}: another node owns this hall now; stopping this writer", hall);
    JsonObject moved = Replies.unavailable("hall moved to another node");
    batch.refuse(moved);
    commit.refusePending(moved);
    bus.send(ADDRESS, hall);
  }
}
