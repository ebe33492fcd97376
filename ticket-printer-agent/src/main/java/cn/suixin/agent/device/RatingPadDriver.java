package cn.suixin.agent.device;

import cn.suixin.agent.outbox.Outbox;
import cn.suixin.agent.outbox.OutboxMessage;
import cn.suixin.agent.pad.PadDecodeEvent;
import cn.suixin.agent.pad.PadEffect;
import cn.suixin.agent.pad.PadFrame;
import cn.suixin.agent.pad.PadFrameDecoder;
import cn.suixin.agent.pad.PadFrameEncoder;
import cn.suixin.agent.pad.PadFrameType;
import cn.suixin.agent.pad.PadPayloads;
import cn.suixin.agent.pad.PadRating;
import cn.suixin.agent.pad.PadSession;
import cn.suixin.agent.serial.HopToContext;
import cn.suixin.agent.serial.SerialLink;
import cn.suixin.agent.serial.SerialListener;
import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link PadSession} over a serial link. A rating is written to the outbox before the pad
 * gets its ACK, so once the pad forgets a rating the agent is sure to have it. Its state belongs to
 * one Vert.x context: call it there; the port's callbacks hop onto it, and retries are timers of
 * it, running only while a frame waits for its ACK.
 */
public final class RatingPadDriver implements SerialListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RatingPadDriver.class);
  private static final long TICK_MILLIS = 20;

  private final Context context;
  private final SerialLink link;
  private final Outbox outbox;
  private final PadListener listener;
  private final LongSupplier clock;
  private final PadSession session;
  private final PadFrameDecoder decoder = new PadFrameDecoder();
  private long tickTimer = -1;

  public RatingPadDriver(
      Context context,
      SerialLink link,
      int addr,
      Outbox outbox,
      PadListener listener,
      LongSupplier clockMillis) {
    this.context = context;
    this.link = link;
    this.outbox = outbox;
    this.listener = listener;
    this.clock = clockMillis;
    this.session = new PadSession(addr);
  }

  public void start() throws IOException {
    link.listen(HopToContext.of(context, this));
    link.open();
  }

  public void showStaff(long staffNo, String name) {
    send(PadFrameType.SHOW_STAFF, PadPayloads.showStaff(staffNo, name));
  }

  public void call(String number, int window) {
    send(PadFrameType.CALL, PadPayloads.call(number, window));
  }

  public void requestRating(long recordId, int timeoutSeconds) {
    send(PadFrameType.REQUEST_RATING, PadPayloads.requestRating(recordId, timeoutSeconds));
  }

  public void cancelRating(long recordId) {
    send(PadFrameType.CANCEL_RATING, PadPayloads.recordId(recordId));
  }

  public void ping() {
    send(PadFrameType.PING, new byte[0]);
  }

  @Override
  public void onBytes(byte[] data, int length) {
    long now = clock.getAsLong();
    for (PadDecodeEvent e : decoder.parse(data, length, now)) {
      if (e instanceof PadDecodeEvent.Frame f) {
        act(session.onFrame(f.frame(), now));
      } else {
        LOG.debug("pad {}: {}", link.name(), e);
      }
    }
  }

  @Override
  public void onDisconnected() {
    status("PORT_LOST", link.name());
  }

  @Override
  public void onConnected() {
    status("OK", link.name());
  }

  @Override
  public void close() {
    context.owner().cancelTimer(tickTimer);
    link.close();
  }

  private void send(int type, byte[] payload) {
    act(session.send(type, payload, clock.getAsLong()));
  }

  /** Retries and timeouts need the session ticked; an idle pad needs nothing. */
  private void tickWhileBusy() {
    if (tickTimer < 0 && !session.idle()) {
      tickTimer =
          context
              .owner()
              .setTimer(
                  TICK_MILLIS,
                  id -> {
                    tickTimer = -1;
                    try {
                      act(session.tick(clock.getAsLong()));
                    } catch (RuntimeException e) {
                      LOG.warn("pad tick failed", e);
                      tickWhileBusy();
                    }
                  });
    }
  }

  private void act(List<PadEffect> effects) {
    for (PadEffect e : effects) {
      if (e instanceof PadEffect.Transmit t) {
        write(t.frame());
      } else if (e instanceof PadEffect.Received r) {
        received(r.frame());
      } else if (e instanceof PadEffect.Confirmed) {
        status("OK", link.name());
      } else if (e instanceof PadEffect.Failed f) {
        status("NO_REPLY", "no ACK for " + f.frame());
      } else if (e instanceof PadEffect.Refused r) {
        status("ERROR", "NAK " + r.status() + " for " + r.frame());
      }
    }
    tickWhileBusy();
  }

  private void status(String status, String detail) {
    listener.onPadStatus(status, detail);
  }

  private void received(PadFrame f) {
    if (f.type() == PadFrameType.RATING) {
      PadRating rating = PadPayloads.parseRating(f.payload()).orElseThrow();
      String id = UUID.randomUUID().toString();
      OutboxMessage m =
          new OutboxMessage(
              id,
              new JsonObject()
                  .put("type", "rating")
                  .put("id", id)
                  .put("recordId", rating.recordId())
                  .put("level", rating.level())
                  .put("reasons", rating.reasons())
                  .encode());
      outbox.put(m);
      listener.onRating(rating, m);
    } else if (f.type() == PadFrameType.RATING_TIMEOUT) {
      PadPayloads.parseRecordId(f.payload())
          .ifPresent(
              recordId -> {
                String id = UUID.randomUUID().toString();
                OutboxMessage m =
                    new OutboxMessage(
                        id,
                        new JsonObject()
                            .put("type", "rating.timeout")
                            .put("id", id)
                            .put("recordId", recordId)
                            .encode());
                outbox.put(m);
                listener.onRatingTimeout(recordId, m);
              });
    }
  }

  private void write(PadFrame frame) {
    try {
      link.write(PadFrameEncoder.encode(frame));
    } catch (IOException e) {
      LOG.debug("pad {} write failed: {}", link.name(), e.getMessage());
    }
  }
}
