package cn.suixin.hall.server.hall;

import cn.suixin.hall.engine.Rejection;
import java.util.EnumMap;
import java.util.Map;

/**
 * What each engine rejection means to an HTTP caller: one table, with a line for every rejection
 * (RejectionMeaningTest holds it to the enum), so the engine stays free of HTTP and the gateway
 * never compares codes. Most rejections are "not now" (409).
 *
 * @param field the request field the rejection is about, or null
 */
public record RejectionMeaning(int status, String field) {
  private static final RejectionMeaning CONFLICT = new RejectionMeaning(409, null);

  /** "That thing does not exist", rather than "not now". */
  private static final RejectionMeaning NOT_FOUND = new RejectionMeaning(404, null);

  /**
   * Kept apart from "not your role": a clerk console tells "not your window" from a 403 FORBIDDEN
   * by its code.
   */
  private static final RejectionMeaning FORBIDDEN = new RejectionMeaning(403, null);

  /** Nobody waiting is no failure for a clerk calling the next ticket: no content. */
  private static final RejectionMeaning NOTHING_TO_DO = new RejectionMeaning(204, null);

  private static final Map<Rejection, RejectionMeaning> MEANINGS = meanings();

  private static RejectionMeaning badField(String field) {
    return new RejectionMeaning(400, field);
  }

  private static Map<Rejection, RejectionMeaning> meanings() {
    Map<Rejection, RejectionMeaning> m = new EnumMap<>(Rejection.class);
    m.put(Rejection.HALL_CLOSED, CONFLICT);
    m.put(Rejection.UNKNOWN_MATTER, badField("matter"));
    m.put(Rejection.MATTER_QUOTA_REACHED, CONFLICT);
    m.put(Rejection.DUPLICATE_PERSON_TICKET, CONFLICT);
    m.put(Rejection.PARTY_TOO_LARGE, CONFLICT);
    m.put(Rejection.UNKNOWN_GREEN_CHANNEL, badField("greenChannel"));
    m.put(Rejection.GREEN_CHANNEL_INACTIVE, CONFLICT);
    m.put(Rejection.GREEN_CHANNEL_NOT_FOR_MATTER, CONFLICT);
    m.put(Rejection.GREEN_CHANNEL_PROOF_MISSING, CONFLICT);
    m.put(Rejection.GREEN_CHANNEL_QUOTA_REACHED, CONFLICT);
    m.put(Rejection.APPOINTMENT_MISSING, CONFLICT);
    m.put(Rejection.UNKNOWN_WINDOW, CONFLICT);
    m.put(Rejection.WINDOW_CLOSED, CONFLICT);
    m.put(Rejection.WINDOW_OUTSIDE_HOURS, CONFLICT);
    m.put(Rejection.WINDOW_PAUSED, CONFLICT);
    m.put(Rejection.WINDOW_UNSTAFFED, CONFLICT);
    m.put(Rejection.WINDOW_BUSY, CONFLICT);
    m.put(Rejection.NOT_SIGNED_IN, CONFLICT);
    m.put(Rejection.INVALID_WEIGHT, CONFLICT);
    m.put(Rejection.NOTICE_TOO_LONG, CONFLICT);
    m.put(Rejection.WINDOW_HAS_CLERK, CONFLICT);
    m.put(Rejection.WINDOW_ALREADY_PAUSED, CONFLICT);
    m.put(Rejection.WINDOW_NOT_PAUSED, CONFLICT);
    m.put(Rejection.WINDOW_ALREADY_OPEN, CONFLICT);
    m.put(Rejection.WINDOW_ALREADY_CLOSED, CONFLICT);
    m.put(Rejection.NO_CURRENT_TICKET, CONFLICT);
    m.put(Rejection.NO_WAITING_TICKET, NOTHING_TO_DO);
    m.put(Rejection.RECALL_LIMIT_REACHED, CONFLICT);
    m.put(Rejection.UNKNOWN_TICKET, NOT_FOUND);
    m.put(Rejection.WRONG_TICKET_STATE, CONFLICT);
    m.put(Rejection.SAME_MATTER, CONFLICT);
    m.put(Rejection.TRANSFER_TARGET_MISSING, CONFLICT);
    m.put(Rejection.NOT_PARKED_HERE, CONFLICT);
    m.put(Rejection.REASON_REQUIRED, CONFLICT);
    m.put(Rejection.INVALID_OUTCOME, CONFLICT);
    m.put(Rejection.UNKNOWN_SERVICE_RECORD, NOT_FOUND);
    m.put(Rejection.SERVICE_NOT_FINISHED, CONFLICT);
    m.put(Rejection.ALREADY_RATED, CONFLICT);
    m.put(Rejection.RATING_OUT_OF_RANGE, CONFLICT);
    m.put(Rejection.BAD_RATING_NEEDS_REASON, CONFLICT);
    m.put(Rejection.INVALID_BLOCK, CONFLICT);
    m.put(Rejection.OFFLINE_NUMBER_OUT_OF_BLOCK, CONFLICT);
    m.put(Rejection.OFFLINE_NUMBER_ALREADY_USED, CONFLICT);
    m.put(Rejection.NOT_YOUR_WINDOW, FORBIDDEN);
    return m;
  }

  /**
   * @throws IllegalStateException for a rejection the table forgot (a test keeps that from
   *     shipping)
   */
  public static RejectionMeaning of(Rejection r) {
    RejectionMeaning meaning = MEANINGS.get(r);
    if (meaning == null) {
      throw new IllegalStateException("no HTTP meaning for rejection " + r);
    }
    return meaning;
  }
}
