package cn.suixin.agent.pad;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The host side of the pad link as a pure state machine: time comes in, effects go out. One frame
 * is in flight at a time (stop-and-wait), retried with the same SEQ 300 ms apart, three times; an
 * unanswered fourth attempt fails 100 ms later. Incoming duplicates are re-acknowledged, never
 * delivered twice, and each service record takes one rating (一次一评). A duplicate is the same SEQ
 * with the same content: a pad that rebooted starts its SEQ again, and its new frames must not be
 * mistaken for old ones.
 */
public final class PadSession {

  public static final long ACK_TIMEOUT_MILLIS = 100;
  public static final long RETRY_INTERVAL_MILLIS = 300;
  public static final int RETRIES = 3;
  public static final int STATUS_OK = 0x00;

  /** ACK status telling the pad this record was already rated, so it can say 已评价. */
  public static final int STATUS_ALREADY_RATED = 0x01;

  public static final int STATUS_BAD_PAYLOAD = 0x02;
  private static final int REMEMBERED_SEQS = 16;
  private static final int REMEMBERED_RECORDS = 4096;

  private final int addr;
  private final Deque<PadFrame> queue = new ArrayDeque<>();
  private final Map<Integer, Answered> answeredSeqs = new HashMap<>();
  private final Deque<Integer> answeredOrder = new ArrayDeque<>();
  private final Set<Long> ratedRecords = new LinkedHashSet<>();
  private int nextSeq = 1;
  private PadFrame inFlight;
  private int attempts;
  private long lastSentAt;

  public PadSession(int addr) {
    this.addr = addr;
  }

  /** Queues a frame to the pad; it goes out now if nothing else is waiting for an ACK. */
  public List<PadEffect> send(int type, byte[] payload, long now) {
    PadFrame frame = PadFrame.of(nextSeq, addr, type, payload);
    nextSeq = nextSeq == 0xFF ? 1 : nextSeq + 1;
    queue.add(frame);
    List<PadEffect> effects = new ArrayList<>();
    startNext(effects, now);
    return effects;
  }

  public List<PadEffect> onFrame(PadFrame f, long now) {
    List<PadEffect> effects = new ArrayList<>();
    if (PadFrameType.isReply(f.type())) {
      onReply(f, effects, now);
      return effects;
    }
    Answered earlier = answeredSeqs.get(f.seq());
    if (earlier != null && earlier.frame().equals(f)) {
      effects.add(earlier.reply());
      return effects;
    }
    int status = accept(f, effects);
    PadEffect reply =
        ack(f.seq(), status == STATUS_BAD_PAYLOAD ? PadFrameType.NAK : PadFrameType.ACK, status);
    remember(f, reply);
    effects.add(reply);
    return effects;
  }

  /** Drives retries and timeouts; call it often (every 10-50 ms). */
  public List<PadEffect> tick(long now) {
    List<PadEffect> effects = new ArrayList<>();
    if (inFlight == null) {
      return effects;
    }
    if (attempts <= RETRIES && now - lastSentAt >= RETRY_INTERVAL_MILLIS) {
      transmit(effects, now);
    } else if (attempts > RETRIES && now - lastSentAt >= ACK_TIMEOUT_MILLIS) {
      effects.add(new PadEffect.Failed(inFlight));
      inFlight = null;
      startNext(effects, now);
    }
    return effects;
  }

  public boolean idle() {
    return inFlight == null && queue.isEmpty();
  }

  private int accept(PadFrame f, List<PadEffect> effects) {
    if (f.type() == PadFrameType.RATING) {
      Optional<PadRating> rating = PadPayloads.parseRating(f.payload());
      if (rating.isEmpty() || !rating.get().isValid()) {
        return STATUS_BAD_PAYLOAD;
      }
      if (!ratedRecords.add(rating.get().recordId())) {
        return STATUS_ALREADY_RATED;
      }
      trimRecords();
    }
    effects.add(new PadEffect.Received(f));
    return STATUS_OK;
  }

  private void onReply(PadFrame f, List<PadEffect> effects, long now) {
    if (inFlight == null || f.seq() != inFlight.seq()) {
      return; // a late answer to an attempt already settled
    }
    byte[] p = f.payload();
    int status = p.length > 0 ? p[0] & 0xFF : STATUS_OK;
    effects.add(
        f.type() == PadFrameType.ACK
            ? new PadEffect.Confirmed(inFlight, status)
            : new PadEffect.Refused(inFlight, status));
    inFlight = null;
    startNext(effects, now);
  }

  private void startNext(List<PadEffect> effects, long now) {
    if (inFlight == null && !queue.isEmpty()) {
      inFlight = queue.poll();
      attempts = 0;
      transmit(effects, now);
    }
  }

  private void transmit(List<PadEffect> effects, long now) {
    attempts++;
    lastSentAt = now;
    effects.add(new PadEffect.Transmit(inFlight));
  }

  private PadEffect ack(int seq, int type, int status) {
    return new PadEffect.Transmit(PadFrame.of(seq, addr, type, (byte) status));
  }

  private void remember(PadFrame f, PadEffect reply) {
    if (answeredSeqs.put(f.seq(), new Answered(f, reply)) == null) {
      answeredOrder.add(f.seq());
    }
    if (answeredOrder.size() > REMEMBERED_SEQS) {
      answeredSeqs.remove(answeredOrder.poll());
    }
  }

  private record Answered(PadFrame frame, PadEffect reply) {}

  private void trimRecords() {
    if (ratedRecords.size() > REMEMBERED_RECORDS) {
      ratedRecords.remove(ratedRecords.iterator().next());
    }
  }
}
