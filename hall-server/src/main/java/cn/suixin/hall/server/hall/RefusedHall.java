package cn.suixin.hall.server.hall;

import cn.suixin.hall.server.codec.UnknownJournalFormatException;
import cn.suixin.hall.store.JournalDamagedException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for a hall that refused to start, its journal damaged say: every command and query sent
 * to the hall gets a 503 that says why at once, rather than waiting for an owner that will not
 * come. The other halls of the node start and serve as usual.
 */
public final class RefusedHall extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RefusedHall.class);

  private final String hall;
  private final String reason;

  private RefusedHall(String hall, String reason) {
    this.hall = hall;
    this.reason = reason;
  }

  /** Logs why the hall did not start and returns the stand-in to deploy in its place. */
  public static RefusedHall after(String hall, Throwable failure) {
    UnknownJournalFormatException newer = causeOf(failure, UnknownJournalFormatException.class);
    if (newer != null) {
      LOG.error(
          "hall {} refused to start and stays closed: journal of hall {}: {}",
          hall,
          hall,
          newer.getMessage());
      return new RefusedHall(
          hall,
          "journal written by a newer server (format version "
              + newer.version()
              + " at seq "
              + newer.seq()
              + ", this server reads up to "
              + newer.newestKnown()
              + ")");
    }
    JournalDamagedException damage = causeOf(failure, JournalDamagedException.class);
    if (damage != null) {
      LOG.error(
          "hall {} refused to start and stays closed: {}", hall, damage.forHall(hall).getMessage());
      return new RefusedHall(
          hall,
          "journal damaged at seq "
              + damage.expectedSeq()
              + "; an operator must check and repair it (journal check --hall "
              + hall
              + ")");
    }
    LOG.error(
        "hall {} could not start and stays closed until the server is restarted", hall, failure);
    return new RefusedHall(hall, "could not start: " + failure);
  }

  public String reason() {
    return reason;
  }

  @Override
  public Future<?> start() {
    JsonObject unavailable = Replies.unavailable(reason);
    return Future.join(
        vertx
            .eventBus()
            .<JsonObject>consumer(Addresses.commands(hall), m -> m.reply(unavailable))
            .completion(),
        vertx
            .eventBus()
            .<JsonObject>consumer(Addresses.queries(hall), m -> m.reply(unavailable))
            .completion());
  }

  private static <T extends Throwable> T causeOf(Throwable t, Class<T> kind) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (kind.isInstance(c)) {
        return kind.cast(c);
      }
    }
    return null;
  }
}
