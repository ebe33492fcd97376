package cn.suixin.agent.device;

import cn.suixin.agent.outbox.OutboxMessage;
import cn.suixin.agent.pad.PadRating;

/** What a rating pad driver tells the rest of the agent, on the driver's context. */
public interface PadListener {

  /** A new rating, already stored in the outbox as {@code message}. */
  void onRating(PadRating rating, OutboxMessage message);

  /** The citizen did not rate in time, stored in the outbox as {@code message}. */
  default void onRatingTimeout(long recordId, OutboxMessage message) {}

  /**
   * What the pad's line shows now: OK on every answered frame and on connecting, NO_REPLY, ERROR (a
   * NAK) or PORT_LOST. Said again and again; the listener keeps the changes.
   */
  default void onPadStatus(String status, String detail) {}
}
