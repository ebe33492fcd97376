package cn.suixin.hall.server.hall;

import io.vertx.core.json.JsonObject;

/**
 * A hall's refusal of a command or query as the gateway fails with it, carrying its HTTP meaning
 * (status, and the request field it names, if any) from the owner's reply, so callers map it to a
 * response without knowing the codes.
 *
 * @param detail extra facts for the reader, or null
 */
public final class HallRefusal extends RuntimeException {
  private final int status;
  private final String code;
  private final String messageZh;
  private final String messageEn;
  private final String field;
  private final String detail;

  HallRefusal(
      int status, String code, String messageZh, String messageEn, String field, String detail) {
    super(code + ": " + messageEn, null, false, false);
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.field = field;
    this.detail = detail == null || detail.isEmpty() ? null : detail;
  }

  /** A refusal as the owner replied it; a reply without a status is an internal error. */
  static HallRefusal of(JsonObject reply) {
    return new HallRefusal(
        reply.getInteger("status", 500),
        reply.getString("code"),
        reply.getString("message"),
        reply.getString("messageEn"),
        reply.getString("field"),
        reply.getString("detail"));
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String messageZh() {
    return messageZh;
  }

  public String messageEn() {
    return messageEn;
  }

  /** The request field the refusal is about, or null. */
  public String field() {
    return field;
  }

  public String detail() {
    return detail;
  }

  /** Whether the hall could not take it now (moving, recovering, unreachable): worth a retry. */
  public boolean unavailable() {
    return status == 503;
  }

  /**
   * Whether the refusal means "nothing to do" (nobody waiting to be called): no content, not an
   * error.
   */
  public boolean nothingToDo() {
    return status == 204;
  }
}
