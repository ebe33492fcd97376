package cn.suixin.hall.engine;

/**
 * A ticket, unique within its hall for ever: business day and number, e.g. {@code 20261127-A001}.
 */
public record TicketId(String value) {
  public TicketId {
    if (value == null || value.isBlank() || value.length() > 40) {
      throw new IllegalArgumentException("ticket id must be 1-40 characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
