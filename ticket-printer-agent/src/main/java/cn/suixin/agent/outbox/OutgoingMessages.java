package cn.suixin.agent.outbox;

import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the agent says to the server. A message with an id stays in the outbox until the
 * server acks it and is sent again after every hello; one without (printed) waits in memory while
 * the link is down and is lost if the agent stops first, since a late "printed" helps nobody.
 */
public final class OutgoingMessages {

  private static final Logger LOG = LoggerFactory.getLogger(OutgoingMessages.class);
  private static final int MAX_QUEUED = 1000;

  private final Outbox outbox;
  private final Deque<String> queued = new ArrayDeque<>();
  private Consumer<String> link;

  public OutgoingMessages(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Stores the message until the server acks its id; sends it now if the link is up. */
  public void sendDurable(OutboxMessage m) {
    outbox.put(m);
    if (link != null) {
      link.accept(m.json());
    }
  }

  /** Sends now, or after the next hello. */
  public void sendTransient(JsonObject message) {
    String text = message.encode();
    if (link != null) {
      link.accept(text);
    } else if (queued.size() < MAX_QUEUED) {
      queued.add(text);
    }
  }

  /** The server said hello: everything not yet acknowledged goes again, oldest first. */
  public void linkUp(Consumer<String> writer) {
    link = writer;
    for (OutboxMessage pending : outbox.pending()) {
      writer.accept(pending.json());
    }
    while (!queued.isEmpty()) {
      writer.accept(queued.poll());
    }
  }

  public void linkDown() {
    link = null;
  }

  public boolean isLinkUp() {
    return link != null;
  }

  /** The server has it; acks can repeat. */
  public void acked(String id) {
    if (id != null) {
      outbox.remove(id);
    }
  }

  /** A refused message will be refused again: drop it from the outbox rather than loop forever. */
  public void refused(JsonObject error) {
    LOG.warn(
        "server refused {}: {} {}",
        error.getString("id"),
        error.getString("code"),
        error.getString("message"));
    if (error.getString("id") != null) {
      outbox.remove(error.getString("id"));
    }
  }
}
