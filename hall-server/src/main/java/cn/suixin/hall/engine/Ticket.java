package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.time.Instant;
import java.util.Comparator;

/**
 * A ticket as the hall holds it. Mutable, but only the event applier changes it; the rest of the
 * world sees it through read-only accessors.
 */
public final class Ticket {
  /**
   * Queue order: arrival first, then issue order. Transfers keep both, so a ticket keeps its place.
   */
  static final Comparator<Ticket> BY_ARRIVAL =
      Comparator.comparingLong((Ticket t) -> t.arrivalMillis).thenComparingLong(t -> t.serial);

  /** The queue order for views outside the engine, so a list never shows ties in a hash order. */
  public static Comparator<Ticket> queueOrder() {
    return BY_ARRIVAL;
  }

  static final Comparator<Ticket> BY_SLOT =
      Comparator.comparing((Ticket t) -> t.appointment.slotStart())
          .thenComparingLong(t -> t.serial);

  final TicketId id;
  final String number;
  final TicketSource source;
  final int partySize;
  final String personHash;
  final Appointment appointment;
  final DeviceId device;
  final long serial;
  final Instant arrival;
  final long arrivalMillis;
  MatterCode matter;
  ChannelId greenChannel;
  TicketStatus status = TicketStatus.WAITING;
  WindowId window;
  WindowId directedTo;
  int recalls;
  int noShows;
  ServiceRecordId record;
  Instant calledAt;

  /** A ticket as an image recorded it, before its changing fields are set back. */
  Ticket(
      TicketId id,
      String number,
      TicketSource source,
      int partySize,
      String personHash,
      Appointment appointment,
      DeviceId device,
      long serial,
      Instant arrival,
      MatterCode matter) {
    this.id = id;
    this.number = number;
    this.source = source;
    this.partySize = partySize;
    this.personHash = personHash;
    this.appointment = appointment;
    this.device = device;
    this.serial = serial;
    this.arrival = arrival;
    this.arrivalMillis = arrival.toEpochMilli();
    this.matter = matter;
  }

  Ticket(HallEvent.TicketIssued e) {
    this.id = e.ticket();
    this.number = e.number();
    this.source = e.source();
    this.partySize = e.partySize();
    this.personHash = e.personHash();
    this.appointment = e.appointment();
    this.device = e.device();
    this.serial = e.serial();
    this.arrival = e.arrival();
    this.arrivalMillis = e.arrival().toEpochMilli();
    this.matter = e.matter();
    this.greenChannel = e.greenChannel();
  }

  public TicketId id() {
    return id;
  }

  public String number() {
    return number;
  }

  public MatterCode matter() {
    return matter;
  }

  public TicketSource source() {
    return source;
  }

  public int partySize() {
    return partySize;
  }

  public ChannelId greenChannel() {
    return greenChannel;
  }

  public Appointment appointment() {
    return appointment;
  }

  public DeviceId device() {
    return device;
  }

  public Instant arrival() {
    return arrival;
  }

  public TicketStatus status() {
    return status;
  }

  /** The window that called it, serves it or holds it parked; null while waiting. */
  public WindowId window() {
    return window;
  }

  public WindowId directedTo() {
    return directedTo;
  }

  public int recalls() {
    return recalls;
  }

  public ServiceRecordId record() {
    return record;
  }

  public Instant calledAt() {
    return calledAt;
  }

  String personKey() {
    return personHash == null ? null : personHash + '|' + matter.value();
  }

  @Override
  public String toString() {
    return id + "[" + matter + "," + status + (greenChannel == null ? "" : ",green") + "]";
  }
}
