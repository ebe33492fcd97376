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
import cn.suixin.agent.serial.SerialLink;
import cn.suixin.agent.serial.SerialListener;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link PadSession} over a serial link. A rating is written to the outbox before the pad
 * gets its ACK, so once the pad forgets a rating the agent is sure to have it.
 */
public final class RatingPadDriver implements SerialListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RatingPadDriver.class);
  private static final long TICK_MILLIS = 20;

  private final SerialLink link;
  private final Outbox outbox;
  private final PadListener listener;
  private final ScheduledExecutorService scheduler;
  private final LongSupplier clock;
  private final PadSession session;
  private final PadFrameDecoder decoder = new PadFrameDecoder();
  private String lastStatus;

  public RatingPadDriver(SerialLink link, int addr, Outbox outbox, PadListener listener,
      ScheduledExecutorService scheduler, LongSupplier clockMillis) {
    this.link = link;
    this.outbox = outbox;
    this.listener = listener;
    this.scheduler = scheduler;
    this.clock = clockMillis;
    this.session = new PadSession(addr);
  }

  public void start() throws IOException {
    link.listen(this);
    link.open();
    scheduler.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
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
        List<PadEffect> effects;
        synchronized (session) {
          effects = session.onFrame(f.frame(), now);
        }
        act(effects);
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
    link.close();
  }

  private void send(int type, byte[] payload) {
    List<PadEffect> effects;
    synchronized (session) {
      effects = session.send(type, payload, clock.getAsLong());
    }
    act(effects);
  }

  private void tick() {
    try {
      List<PadEffect> effects;
      synchronized (session) {
        effects = session.tick(clock.getAsLong());
      }
      act(effects);
    } catch (RuntimeException e) {
      LOG.warn("pad tick failed", e);
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
  }

  /** Only changes go to the server; a pad that is unplugged all day is one message. */
  private synchronized void status(String status, String detail) {
    if (!status.equals(lastStatus)) {
      lastStatus = status;
      listener.onPadStatus(status, detail);
    }
  }

  private void received(PadFrame f) {
    if (f.type() == PadFrameType.RATING) {
      PadRating rating = PadPayloads.parseRating(f.payload()).orElseThrow();
      String id = UUID.randomUUID().toString();
      OutboxMessage m = new OutboxMessage(id, new JsonObject().put("type", "rating").put("id", id)
          .put("recordId", rating.recordId()).put("level", rating.level())
          .put("reasons", rating.reasons()).encode());
      outbox.put(m);
      listener.onRating(rating, m);
    } else if (f.type() == PadFrameType.RATING_TIMEOUT) {
      PadPayloads.parseRecordId(f.payload()).ifPresent(recordId -> {
        String id = UUID.randomUUID().toString();
        OutboxMessage m = new OutboxMessage(id, new JsonObject().put("type", "rating.timeout")
            .put("id", id).put("recordId", recordId).encode());
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
