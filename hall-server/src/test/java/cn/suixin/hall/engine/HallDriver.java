package cn.suixin.hall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Drives a hall through commands at a test clock and keeps every recorded event. */
final class HallDriver {
  final HallEngine engine;
  final List<SequencedEvent> journal = new ArrayList<>();
  Instant now;
  LocalDate day;

  HallDriver(HallConfig config, LocalDate day, LocalTime time) {
    this.engine = new HallEngine(config);
    this.day = day;
    this.now = day.atTime(time).atZone(config.zone()).toInstant();
  }

  /** A driver over an engine restored elsewhere, at the time another driver stood. */
  HallDriver(HallEngine engine, HallDriver at) {
    this.engine = engine;
    this.day = at.day;
    this.now = at.now;
  }

  static HallDriver openHall() {
    return new HallDriver(TestHall.config(), TestHall.DAY, LocalTime.of(9, 30));
  }

  HallDriver at(LocalTime time) {
    now = day.atTime(time).atZone(engine.state().config().zone()).toInstant();
    return this;
  }

  HallDriver later(Duration d) {
    now = now.plus(d);
    return this;
  }

  CommandResult run(HallCommand c) {
    return runAs(Asker.ANYONE, c);
  }

  CommandResult runAs(Asker asker, HallCommand c) {
    CommandResult r = engine.execute(c, asker, now);
    journal.addAll(r.events());
    return r;
  }

  CommandResult runAccepted(HallCommand c) {
    CommandResult r = run(c);
    assertThat(r.rejection()).as("rejection of %s", c).isNull();
    return r;
  }

  Rejection rejectionOf(HallCommand c) {
    return rejectionOf(Asker.ANYONE, c);
  }

  Rejection rejectionOf(Asker asker, HallCommand c) {
    CommandResult r = runAs(asker, c);
    assertThat(r.rejection()).as("%s should be refused", c).isNotNull();
    return r.rejection().reason();
  }

  Ticket issue(MatterCode matter) {
    return ticketOf(runAccepted(HallCommand.IssueTicket.walkIn(matter)));
  }

  Ticket issueFor(MatterCode matter, String personHash) {
    return ticketOf(
        runAccepted(
            new HallCommand.IssueTicket(
                matter, TicketSource.KIOSK, 1, personHash, null, null, null, null, null)));
  }

  Ticket issueGreen(MatterCode matter, ChannelId channel) {
    return ticketOf(
        runAccepted(
            new HallCommand.IssueTicket(
                matter, TicketSource.KIOSK, 1, null, channel, "准考证 1234", null, null, null)));
  }

  Ticket issueAppointment(MatterCode matter, LocalTime slotStart) {
    Instant start = day.atTime(slotStart).atZone(TestHall.ZONE).toInstant();
    return ticketOf(
        runAccepted(
            new HallCommand.IssueTicket(
                matter,
                TicketSource.APPOINTMENT,
                1,
                null,
                null,
                null,
                null,
                new Appointment(start, start.plus(Duration.ofMinutes(30))),
                null)));
  }

  HallDriver signIn(WindowId window, String staffNo) {
    runAccepted(new HallCommand.SignIn(window, new Clerk(staffNo, "张三")));
    return this;
  }

  HallEvent.TicketCalled callNext(WindowId window) {
    CommandResult r = runAccepted(new HallCommand.CallNext(window));
    return (HallEvent.TicketCalled) r.events().get(r.events().size() - 1).event();
  }

  Ticket called(WindowId window) {
    return engine.state().ticket(callNext(window).ticket());
  }

  void finish(WindowId window) {
    runAccepted(new HallCommand.FinishService(window, new Outcome.Done()));
  }

  HallState state() {
    return engine.state();
  }

  private Ticket ticketOf(CommandResult r) {
    HallEvent last = r.events().get(r.events().size() - 1).event();
    return engine.state().ticket(((HallEvent.TicketIssued) last).ticket());
  }
}
