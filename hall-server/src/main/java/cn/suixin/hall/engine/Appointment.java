package cn.suixin.hall.engine;

import java.time.Instant;

/** A booked slot (预约); the ticket goes first while the slot is on. */
public record Appointment(Instant slotStart, Instant slotEnd) {
  public Appointment {
    if (!slotEnd.isAfter(slotStart)) {
      throw new IllegalArgumentException("appointment slot ends before it starts");
    }
  }
}
