package cn.suixin.agent.device;

import cn.suixin.agent.outbox.OutboxMessage;
import cn.suixin.agent.pad.PadRating;

/** What a rating pad driver tells the rest of the agent, on the driver's context. */
public interface PadListener {

  /** A new rating, already stored in the outbox as {@code message}. */
  void onRating(PadRating rating, OutboxMessage message);

  /** The citizen did not rate in time, stored in the outbox as {@code message}. */
  default void onRatingTimeout(long recordId, OutboxMessage message) {
  }

  /** The pad stopped answering, refused a frame, or its port changed state. */
  default void onPadStatus(String status, String detail) {
  }
}
