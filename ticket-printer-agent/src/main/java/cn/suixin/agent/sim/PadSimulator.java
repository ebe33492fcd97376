package cn.suixin.agent.sim;

import cn.suixin.agent.pad.PadDecodeEvent;
import cn.suixin.agent.pad.PadFrame;
import cn.suixin.agent.pad.PadFrameDecoder;
import cn.suixin.agent.pad.PadFrameEncoder;
import cn.suixin.agent.pad.PadFrameType;
import cn.suixin.agent.pad.PadPayloads;
import cn.suixin.agent.pad.PadRating;
import cn.suixin.agent.serial.SerialLink;
import cn.suixin.agent.serial.SerialListener;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rating pad as the protocol asks a vendor to build it: ACKs every frame, answers PING with
 * STATUS, remembers the record it was asked to rate, and keeps a pressed rating until the host ACKs
 * it, resending it every 300 ms and again whenever its port comes back. Like a device of its own,
 * it lives on its own Vert.x context; every public method is queued there.
 */
public final class PadSimulator implements SerialListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PadSimulator.class);
  private static final long RESEND_MILLIS = 300;

  private final Context context;
  private final SerialLink link;
  private final int addr;
  private final PadFrameDecoder decoder = new PadFrameDecoder();
  private final Map<Integer, PadFrame> unacked = new LinkedHashMap<>();
  private final List<PadFrame> received = new ArrayList<>();
  private final Map<Integer, Integer> acks = new LinkedHashMap<>();
  private int nextSeq = 0x40;
  private long requestedRecord = -1;
  private boolean answering = true;
  private int autoPressLevel;
  private long autoPressDelayMillis;
  private long resendTimer = -1;

  public PadSimulator(Context context, SerialLink link, int addr) {
    this.context = context;
    this.link = link;
    this.addr = addr;
  }

  public Future<PadSimulator> start() {
    return OnDevice.ask(
        context,
        () -> {
          OnDevice.plugIn(context, link, this);
          resendTimer = context.owner().setPeriodic(RESEND_MILLIS, id -> resend());
          return this;
        });
  }

  /** A pad that does not answer, to exercise the host's retries. */
  public Future<Void> setAnswering(boolean answering) {
    return OnDevice.tell(context, () -> this.answering = answering);
  }

  /** For --simulate: every rating request is answered with this level after a delay; 0 = off. */
  public Future<Void> setAutoPress(int level, long delayMillis) {
    return OnDevice.tell(
        context,
        () -> {
          autoPressLevel = level;
          autoPressDelayMillis = delayMillis;
        });
  }

  /** The citizen presses a level for the record the host asked about last. */
  public Future<PadFrame> press(int level, int reasons) {
    return OnDevice.ask(
        context,
        () -> {
          if (requestedRecord < 0) {
            throw new IllegalStateException("no rating was requested");
          }
          return rating(new PadRating(requestedRecord, level, reasons));
        });
  }

  /** Sends a rating frame with a fresh SEQ, as a pad with buggy firmware might. */
  public Future<PadFrame> sendRating(PadRating rating) {
    return OnDevice.ask(context, () -> rating(rating));
  }

  /** Sends a frame verbatim, e.g. one the host has already seen. */
  public Future<Void> sendRaw(PadFrame f) {
    return OnDevice.tell(context, () -> write(f));
  }

  public Future<Long> requestedRecord() {
    return OnDevice.ask(context, () -> requestedRecord);
  }

  public Future<List<PadFrame>> received() {
    return OnDevice.ask(context, () -> List.copyOf(received));
  }

  public Future<Integer> unackedCount() {
    return OnDevice.ask(context, unacked::size);
  }

  /** The status byte the host sent in its ACK for our frame {@code seq}, or null. */
  public Future<Integer> ackStatus(int seq) {
    return OnDevice.ask(context, () -> acks.get(seq));
  }

  public Future<Void> resendUnacked() {
    return OnDevice.tell(context, this::resend);
  }

  @Override
  public void onBytes(byte[] data, int length) {
    for (PadDecodeEvent e : decoder.parse(data, length, System.nanoTime() / 1_000_000)) {
      if (e instanceof PadDecodeEvent.Frame f) {
        handle(f.frame());
      }
    }
  }

  @Override
  public void onDisconnected() {
    LOG.info("pad simulator lost its port");
  }

  @Override
  public void onConnected() {
    resend();
  }

  @Override
  public void close() {
    OnDevice.tell(
        context,
        () -> {
          context.owner().cancelTimer(resendTimer);
          link.close();
        });
  }

  private void handle(PadFrame f) {
    if (PadFrameType.isReply(f.type())) {
      if (unacked.remove(f.seq()) != null) {
        byte[] p = f.payload();
        acks.put(f.seq(), p.length > 0 ? p[0] & 0xFF : 0);
      }
      return;
    }
    received.add(f);
    if (!answering) {
      return;
    }
    write(PadFrame.of(f.seq(), addr, PadFrameType.ACK, (byte) 0));
    if (f.type() == PadFrameType.REQUEST_RATING) {
      requestedRecord = PadPayloads.parseRecordId(Arrays.copyOf(f.payload(), 4)).orElse(-1L);
      if (autoPressLevel > 0) {
        long record = requestedRecord;
        context.owner().setTimer(autoPressDelayMillis, id -> autoPress(record));
      }
    } else if (f.type() == PadFrameType.CANCEL_RATING) {
      requestedRecord = -1;
    } else if (f.type() == PadFrameType.PING) {
      PadFrame status =
          PadFrame.of(nextSeq(), addr, PadFrameType.STATUS, PadPayloads.status(0x0100, 0));
      unacked.put(status.seq(), status);
      write(status);
    }
  }

  private PadFrame rating(PadRating rating) {
    PadFrame f = PadFrame.of(nextSeq(), addr, PadFrameType.RATING, PadPayloads.rating(rating));
    unacked.put(f.seq(), f);
    write(f);
    return f;
  }

  private void resend() {
    unacked.values().forEach(this::write);
  }

  private void autoPress(long record) {
    if (requestedRecord == record) {
      int level = autoPressLevel;
      rating(new PadRating(record, level, level <= 2 ? 1 : 0));
      requestedRecord = -1;
    }
  }

  private int nextSeq() {
    int s = nextSeq;
    nextSeq = nextSeq == 0xFF ? 1 : nextSeq + 1;
    return s;
  }

  private void write(PadFrame f) {
    try {
      if (link.isOpen()) {
        link.write(PadFrameEncoder.encode(f));
      }
    } catch (IOException e) {
      LOG.debug("pad simulator write failed: {}", e.getMessage());
    }
  }
}
