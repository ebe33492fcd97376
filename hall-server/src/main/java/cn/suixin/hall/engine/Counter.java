package cn.suixin.hall.engine;

import static cn.suixin.hall.engine.Decisions.accept;
import static cn.suixin.hall.engine.Decisions.blank;
import static cn.suixin.hall.engine.Decisions.reject;

import cn.suixin.hall.engine.HallCommand.FinishService;
import cn.suixin.hall.engine.HallCommand.ResumeParked;
import cn.suixin.hall.engine.HallCommand.Transfer;
import cn.suixin.hall.engine.config.OpeningHours;
import cn.suixin.hall.engine.config.WindowId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/** Decides what a clerk does at a window: call, recall, serve, finish, no-show, transfer, park. */
final class Counter {
  private final HallState s;

  Counter(HallState state) {
    this.s = state;
  }

  Decision callNext(WindowId id, Instant now) {
    WindowState w = s.windows.get(id);
    if (w == null) {
      return reject(Rejection.UNKNOWN_WINDOW, String.valueOf(id));
    }
    if (!w.open) {
      return reject(Rejection.WINDOW_CLOSED);
    }
    // A window with its own hours stops calling outside them; the hall's closing time does not
    // stop calls, so everyone who took a ticket before closing is still served (延时服务).
    Optional<OpeningHours> own = w.config.hours();
    if (own.isPresent() && !own.get().isOpen(LocalDateTime.ofInstant(now, s.config.zone()))) {
      return reject(Rejection.WINDOW_OUTSIDE_HOURS);
    }
    if (w.pausedReason != null) {
      return reject(Rejection.WINDOW_PAUSED, w.pausedReason);
    }
    if (w.clerk == null) {
      return reject(Rejection.WINDOW_UNSTAFFED);
    }
    if (w.current != null) {
      return reject(Rejection.WINDOW_BUSY, w.current.number);
    }
    return Router.next(s, w, now)
        .map(p -> accept(new HallEvent.TicketCalled(p.ticket().id, id, p.rule())))
        .orElseGet(() -> reject(Rejection.NO_WAITING_TICKET));
  }

  Decision recall(WindowId id) {
    return withCurrent(
        id,
        (w, t) -> {
          if (t.status != TicketStatus.CALLED) {
            return reject(Rejection.WRONG_TICKET_STATE, t.status.name());
          }
          if (t.recalls >= s.config.rules().maxRecalls()) {
            return reject(
                Rejection.RECALL_LIMIT_REACHED, "at most " + s.config.rules().maxRecalls());
          }
          return accept(new HallEvent.TicketRecalled(t.id, id, t.recalls + 1));
        });
  }

  Decision start(WindowId id) {
    return withCurrent(
        id,
        (w, t) ->
            t.status != TicketStatus.CALLED
                ? reject(Rejection.WRONG_TICKET_STATE, t.status.name())
                : accept(started(w, t)));
  }

  Decision finish(FinishService c, Instant now) {
    return withCurrent(
        c.window(),
        (w, t) -> {
          Decision invalid = checkOutcome(c.outcome(), LocalDate.ofInstant(now, s.config.zone()));
          if (invalid != null) {
            return invalid;
          }
          if (t.status == TicketStatus.CALLED) {
            HallEvent.ServiceStarted start = started(w, t);
            return accept(
                start, new HallEvent.ServiceFinished(t.id, w.id(), start.record(), c.outcome()));
          }
          return accept(new HallEvent.ServiceFinished(t.id, w.id(), t.record, c.outcome()));
        });
  }

  Decision noShow(WindowId id) {
    return withCurrent(
        id,
        (w, t) ->
            t.status != TicketStatus.CALLED
                ? reject(Rejection.WRONG_TICKET_STATE, t.status.name())
                : accept(
                    new HallEvent.TicketNoShow(
                        t.id, id, t.noShows < s.config.rules().noShowRequeues())));
  }

  Decision transfer(Transfer c) {
    return withCurrent(
        c.window(),
        (w, t) -> {
          if (c.toMatter() == null && c.toWindow() == null) {
            return reject(Rejection.TRANSFER_TARGET_MISSING);
          }
          if (c.toMatter() != null && !s.config.matters().containsKey(c.toMatter())) {
            return reject(Rejection.UNKNOWN_MATTER, String.valueOf(c.toMatter()));
          }
          if (c.toWindow() != null && !s.windows.containsKey(c.toWindow())) {
            return reject(Rejection.UNKNOWN_WINDOW, String.valueOf(c.toWindow()));
          }
          if (c.toWindow() == null && c.toMatter().equals(t.matter)) {
            return reject(Rejection.SAME_MATTER);
          }
          return accept(
              new HallEvent.TicketTransferred(
                  t.id, w.id(), c.toMatter(), c.toWindow(), c.reason() == null ? "" : c.reason()));
        });
  }

  Decision park(WindowId id) {
    return withCurrent(id, (w, t) -> accept(new HallEvent.TicketParked(t.id, id)));
  }

  Decision resumeParked(ResumeParked c) {
    WindowState w = s.windows.get(c.window());
    if (w == null) {
      return reject(Rejection.UNKNOWN_WINDOW, String.valueOf(c.window()));
    }
    if (!w.parked.contains(c.ticket())) {
      return reject(Rejection.NOT_PARKED_HERE);
    }
    if (w.current != null) {
      return reject(Rejection.WINDOW_BUSY, w.current.number);
    }
    if (w.clerk == null) {
      return reject(Rejection.WINDOW_UNSTAFFED);
    }
    return accept(new HallEvent.TicketResumed(c.ticket(), c.window()));
  }

  private HallEvent.ServiceStarted started(WindowState w, Ticket t) {
    return new HallEvent.ServiceStarted(t.id, w.id(), new ServiceRecordId(s.nextRecord), w.clerk);
  }

  private static Decision checkOutcome(Outcome outcome, LocalDate today) {
    if (outcome instanceof Outcome.Done) {
      return null;
    }
    if (outcome instanceof Outcome.PendingMaterials p) {
      boolean ok =
          !p.missing().isEmpty()
              && p.missing().stream().noneMatch(Decisions::blank)
              && p.due() != null
              && !p.due().isBefore(today);
      return ok
          ? null
          : reject(Rejection.INVALID_OUTCOME, "missing materials and a due date from today on");
    }
    if (outcome instanceof Outcome.Referred r) {
      return blank(r.to()) ? reject(Rejection.INVALID_OUTCOME, "referred to where") : null;
    }
    if (outcome instanceof Outcome.NotDone n) {
      return blank(n.reason()) ? reject(Rejection.REASON_REQUIRED) : null;
    }
    return reject(Rejection.INVALID_OUTCOME);
  }

  private interface OnCurrent {
    Decision decide(WindowState window, Ticket current);
  }

  private Decision withCurrent(WindowId id, OnCurrent then) {
    WindowState w = s.windows.get(id);
    if (w == null) {
      return reject(Rejection.UNKNOWN_WINDOW, String.valueOf(id));
    }
    if (w.current == null) {
      return reject(Rejection.NO_CURRENT_TICKET);
    }
    return then.decide(w, w.current);
  }
}
