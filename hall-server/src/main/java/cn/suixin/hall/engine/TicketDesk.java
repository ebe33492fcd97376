package cn.suixin.hall.engine;

import static cn.suixin.hall.engine.Decisions.accept;
import static cn.suixin.hall.engine.Decisions.blank;
import static cn.suixin.hall.engine.Decisions.reject;

import cn.suixin.hall.engine.HallCommand.CancelTicket;
import cn.suixin.hall.engine.HallCommand.GrantGreenChannel;
import cn.suixin.hall.engine.HallCommand.IssueTicket;
import cn.suixin.hall.engine.HallCommand.Redirect;
import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.GreenChannel;
import cn.suixin.hall.engine.config.Matter;
import cn.suixin.hall.engine.config.MatterCode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Decides the commands that create a ticket or change a waiting one. */
final class TicketDesk {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private final HallState s;

  TicketDesk(HallState state) {
    this.s = state;
  }

  Decision issue(IssueTicket c, Instant now) {
    Matter matter = s.config.matters().get(c.matter());
    if (matter == null) {
      return reject(Rejection.UNKNOWN_MATTER, String.valueOf(c.matter()));
    }
    LocalDateTime local = LocalDateTime.ofInstant(now, s.config.zone());
    if (!s.config.openingHours().isOpen(local)) {
      return reject(
          Rejection.HALL_CLOSED,
          s.config
              .openingHours()
              .nextOpening(local)
              .map(t -> "next opening " + t)
              .orElse("no opening in the next two weeks"));
    }
    if (c.partySize() > s.config.rules().maxPartySize()) {
      return reject(Rejection.PARTY_TOO_LARGE, "at most " + s.config.rules().maxPartySize());
    }
    if (c.source() == TicketSource.APPOINTMENT && c.appointment() == null) {
      return reject(Rejection.APPOINTMENT_MISSING);
    }
    if (c.greenChannel() != null) {
      Decision refused =
          checkChannel(c.greenChannel(), c.matter(), blank(c.proof()) && blank(c.grantedBy()));
      if (refused != null) {
        return refused;
      }
    }
    if (matter.dailyQuota() > 0 && s.issuedToday(matter.code()) >= matter.dailyQuota()) {
      return reject(Rejection.MATTER_QUOTA_REACHED, "quota " + matter.dailyQuota());
    }
    if (c.personHash() != null
        && s.activeByPerson.containsKey(c.personHash() + '|' + matter.code().value())) {
      return reject(Rejection.DUPLICATE_PERSON_TICKET);
    }
    int next = s.lastNumberByPrefix.getOrDefault(matter.prefix(), 0) + 1;
    String number = number(matter.prefix(), next);
    return accept(
        new HallEvent.TicketIssued(
            ticketId(number),
            number,
            matter.code(),
            c.source(),
            Math.max(1, c.partySize()),
            c.personHash(),
            c.greenChannel(),
            c.grantedBy(),
            c.appointment(),
            c.device(),
            s.nextSerial,
            now));
  }

  Decision redirect(Redirect c) {
    Ticket t = s.tickets.get(c.ticket());
    if (t == null) {
      return reject(Rejection.UNKNOWN_TICKET);
    }
    if (t.status != TicketStatus.WAITING) {
      return reject(Rejection.WRONG_TICKET_STATE, t.status.name());
    }
    if (!s.config.matters().containsKey(c.toMatter())) {
      return reject(Rejection.UNKNOWN_MATTER, String.valueOf(c.toMatter()));
    }
    if (c.toMatter().equals(t.matter)) {
      return reject(Rejection.SAME_MATTER);
    }
    if (blank(c.reason())) {
      return reject(Rejection.REASON_REQUIRED);
    }
    if (t.personHash != null
        && s.activeByPerson.containsKey(t.personHash + '|' + c.toMatter().value())) {
      return reject(Rejection.DUPLICATE_PERSON_TICKET);
    }
    return accept(
        new HallEvent.TicketRedirected(t.id, t.matter, c.toMatter(), c.reason(), c.guide()));
  }

  Decision grant(GrantGreenChannel c) {
    Ticket t = s.tickets.get(c.ticket());
    if (t == null) {
      return reject(Rejection.UNKNOWN_TICKET);
    }
    if (t.status != TicketStatus.WAITING || t.greenChannel != null) {
      return reject(Rejection.WRONG_TICKET_STATE, t.status.name());
    }
    Decision refused = checkChannel(c.channel(), t.matter, blank(c.guide()));
    if (refused != null) {
      return refused;
    }
    return accept(new HallEvent.GreenChannelGranted(t.id, c.channel(), c.guide(), c.reason()));
  }

  Decision cancel(CancelTicket c) {
    Ticket t = s.tickets.get(c.ticket());
    if (t == null) {
      return reject(Rejection.UNKNOWN_TICKET);
    }
    if (t.status != TicketStatus.WAITING && t.status != TicketStatus.PARKED) {
      return reject(Rejection.WRONG_TICKET_STATE, t.status.name());
    }
    return accept(new HallEvent.TicketCancelled(t.id, c.reason() == null ? "" : c.reason()));
  }

  /** Null when the channel may be used for the matter today. */
  private Decision checkChannel(ChannelId id, MatterCode matter, boolean noProof) {
    GreenChannel channel = s.config.greenChannels().get(id);
    if (channel == null) {
      return reject(Rejection.UNKNOWN_GREEN_CHANNEL, String.valueOf(id));
    }
    if (!channel.activeOn(s.day)) {
      return reject(Rejection.GREEN_CHANNEL_INACTIVE, channel.name());
    }
    if (!channel.covers(matter)) {
      return reject(Rejection.GREEN_CHANNEL_NOT_FOR_MATTER, channel.name());
    }
    if (noProof) {
      return reject(Rejection.GREEN_CHANNEL_PROOF_MISSING, channel.proof());
    }
    if (channel.dailyQuota() > 0 && s.issuedByChannel.getOrDefault(id, 0) >= channel.dailyQuota()) {
      return reject(Rejection.GREEN_CHANNEL_QUOTA_REACHED, "quota " + channel.dailyQuota());
    }
    return null;
  }

  TicketId ticketId(String number) {
    return new TicketId(s.day.format(DAY) + "-" + number);
  }

  /** A001 .. A999, then A1000: three digits at least, as screens and voice expect. */
  static String number(String prefix, int n) {
    String digits = Integer.toString(n);
    return prefix + "000".substring(Math.min(3, digits.length())) + digits;
  }
}
