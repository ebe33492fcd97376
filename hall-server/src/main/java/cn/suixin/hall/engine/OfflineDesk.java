package cn.suixin.hall.engine;

import static cn.suixin.hall.engine.Decisions.reject;

import cn.suixin.hall.engine.HallCommand.AdmitOfflineTickets;
import cn.suixin.hall.engine.HallCommand.OfflineTicket;
import cn.suixin.hall.engine.HallCommand.ReserveNumberBlock;
import cn.suixin.hall.engine.config.Matter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 兜底服务: a kiosk that loses the server keeps issuing from numbers reserved for it earlier. Reserving
 * moves the prefix's counter past the block, so online and offline numbers never meet.
 */
final class OfflineDesk {
  static final int MAX_BLOCK = 500;
  private final HallState s;
  private final TicketDesk desk;

  OfflineDesk(HallState state, TicketDesk desk) {
    this.s = state;
    this.desk = desk;
  }

  Decision reserve(ReserveNumberBlock c) {
    Matter matter = s.config.matters().get(c.matter());
    if (matter == null) {
      return reject(Rejection.UNKNOWN_MATTER, String.valueOf(c.matter()));
    }
    if (c.device() == null || c.size() < 1 || c.size() > MAX_BLOCK) {
      return reject(Rejection.INVALID_BLOCK, "size 1.." + MAX_BLOCK + " for a known device");
    }
    int from = s.lastNumberByPrefix.getOrDefault(matter.prefix(), 0) + 1;
    return Decisions.accept(
        new HallEvent.NumberBlockReserved(
            s.nextBlock, c.device(), matter.code(), matter.prefix(), from, from + c.size() - 1));
  }

  Decision admit(AdmitOfflineTickets c, Instant now) {
    NumberBlock block = s.blocks.get(c.blockId());
    if (block == null || !block.device.equals(c.device()) || !block.day.equals(s.day)) {
      return reject(Rejection.INVALID_BLOCK, "block " + c.blockId());
    }
    List<HallEvent> events = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    long serial = s.nextSerial;
    for (OfflineTicket o : c.tickets()) {
      if (!block.contains(o.number())) {
        return reject(Rejection.OFFLINE_NUMBER_OUT_OF_BLOCK, "number " + o.number());
      }
      if (block.isUsed(o.number()) || !seen.add(o.number())) {
        return reject(Rejection.OFFLINE_NUMBER_ALREADY_USED, "number " + o.number());
      }
      String number = TicketDesk.number(block.prefix, o.number());
      Instant arrival = o.issuedAt().isAfter(now) ? now : o.issuedAt();
      events.add(
          new HallEvent.TicketIssued(
              desk.ticketId(number),
              number,
              block.matter,
              TicketSource.OFFLINE,
              1,
              null,
              null,
              null,
              null,
              block.device,
              serial++,
              arrival));
    }
    return new Decision.Accepted(events);
  }
}
