package cn.suixin.hall.engine;

import static cn.suixin.hall.engine.TestHall.GAOKAO;
import static cn.suixin.hall.engine.TestHall.ID_CARD;
import static cn.suixin.hall.engine.TestHall.LICENCE;
import static cn.suixin.hall.engine.TestHall.MIGRANT;
import static cn.suixin.hall.engine.TestHall.PASSPORT;
import static cn.suixin.hall.engine.TestHall.VEHICLE;
import static cn.suixin.hall.engine.TestHall.W1;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.HallCommand.IssueTicket;
import cn.suixin.hall.engine.config.HallRules;
import cn.suixin.hall.engine.config.MatterCode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IssueTicketTest {

  @Test
  void numbers_run_per_prefix_and_business_day() {
    HallDriver hall = HallDriver.openHall();
    assertThat(hall.issue(PASSPORT).number()).isEqualTo("A001");
    assertThat(hall.issue(PASSPORT).number()).isEqualTo("A002");
    assertThat(hall.issue(ID_CARD).number()).isEqualTo("B001");
    Ticket vehicle = hall.issue(VEHICLE);
    Ticket licence = hall.issue(LICENCE);
    assertThat(vehicle.number()).isEqualTo("F001");
    assertThat(licence.number())
        .as("matters sharing a prefix share its numbering")
        .isEqualTo("F002");
    assertThat(vehicle.id().value()).isEqualTo("20261125-F001");
  }

  @Test
  void numbering_does_not_reset_at_utc_midnight_but_at_local_midnight() {
    // 07:30 in Suining is 23:30 UTC of the day before: still the same business day here.
    HallDriver hall =
        new HallDriver(TestHall.config().alwaysOpen(), TestHall.DAY, LocalTime.of(7, 30));
    hall.issue(PASSPORT);
    hall.at(LocalTime.of(8, 30)); // 00:30 UTC: a new UTC day, not a new hall day
    assertThat(hall.issue(PASSPORT).number()).isEqualTo("A002");
    hall.now = TestHall.DAY.plusDays(1).atTime(0, 5).atZone(TestHall.ZONE).toInstant();
    assertThat(hall.issue(PASSPORT).number())
        .as("local midnight starts a new day")
        .isEqualTo("A001");
  }

  @Test
  void a_ticket_says_how_many_are_ahead_and_estimates_the_wait_from_open_windows() {
    HallDriver hall = HallDriver.openHall();
    hall.issue(ID_CARD);
    hall.issue(ID_CARD);
    CommandResult r = hall.runAccepted(IssueTicket.walkIn(ID_CARD));
    Ticket third =
        hall.state().ticket(((HallEvent.TicketIssued) r.events().get(0).event()).ticket());
    assertThat(hall.state().ahead(third)).isEqualTo(2);
    // 6 minutes each, no window staffed yet: counted as one window.
    assertThat(hall.state().estimatedWaitSeconds(ID_CARD, 2)).isEqualTo(720);
    hall.signIn(TestHall.W1, "001").signIn(TestHall.W2, "002");
    assertThat(hall.state().estimatedWaitSeconds(ID_CARD, 2))
        .as("two windows serve ID cards")
        .isEqualTo(360);
  }

  @Test
  void the_estimate_learns_from_finished_services() {
    HallDriver hall = HallDriver.openHall().signIn(TestHall.W2, "002");
    hall.issue(ID_CARD);
    hall.callNext(TestHall.W2);
    hall.runAccepted(new HallCommand.StartService(TestHall.W2));
    hall.later(Duration.ofMinutes(1));
    hall.finish(TestHall.W2);
    // (6 min * 4 + 1 min) / 5 = 5 min
    assertThat(hall.state().serviceMillis(ID_CARD)).isEqualTo(Duration.ofMinutes(5).toMillis());
  }

  @Test
  void tickets_are_refused_outside_opening_hours_with_the_next_opening() {
    HallDriver hall = HallDriver.openHall();
    hall.at(LocalTime.of(12, 30));
    CommandResult r = hall.run(IssueTicket.walkIn(PASSPORT));
    assertThat(r.rejection().reason()).isEqualTo(Rejection.HALL_CLOSED);
    assertThat(r.rejection().detail()).contains("2026-11-25T13:00");
    hall.at(LocalTime.of(13, 0));
    assertThat(hall.issue(PASSPORT).number()).isEqualTo("A001");
  }

  @Test
  void a_closed_day_refuses_tickets_and_an_extra_session_takes_them_on_a_saturday() {
    HallDriver friday =
        new HallDriver(TestHall.config(), LocalDate.of(2026, 11, 27), LocalTime.of(10, 0));
    assertThat(friday.rejectionOf(IssueTicket.walkIn(PASSPORT))).isEqualTo(Rejection.HALL_CLOSED);
    HallDriver saturday =
        new HallDriver(TestHall.config(), LocalDate.of(2026, 11, 28), LocalTime.of(10, 0));
    assertThat(saturday.issue(PASSPORT).number()).isEqualTo("A001");
    HallDriver sunday =
        new HallDriver(TestHall.config(), LocalDate.of(2026, 11, 29), LocalTime.of(10, 0));
    assertThat(sunday.rejectionOf(IssueTicket.walkIn(PASSPORT))).isEqualTo(Rejection.HALL_CLOSED);
  }

  @Test
  void a_matter_stops_issuing_at_its_daily_quota() {
    HallDriver hall =
        new HallDriver(TestHall.config(HallRules.defaults(), 2), TestHall.DAY, LocalTime.of(10, 0));
    hall.issue(ID_CARD);
    hall.issue(ID_CARD);
    assertThat(hall.rejectionOf(IssueTicket.walkIn(ID_CARD)))
        .isEqualTo(Rejection.MATTER_QUOTA_REACHED);
    assertThat(hall.issue(PASSPORT).number()).as("other matters go on").isEqualTo("A001");
  }

  @Test
  void a_person_holds_at_most_one_waiting_ticket_per_matter() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    hall.issueFor(PASSPORT, "hash-1");
    assertThat(
            hall.rejectionOf(
                new IssueTicket(
                    PASSPORT, TicketSource.PHONE, 1, "hash-1", null, null, null, null, null)))
        .isEqualTo(Rejection.DUPLICATE_PERSON_TICKET);
    assertThat(hall.issueFor(ID_CARD, "hash-1").number())
        .as("another matter is fine")
        .isEqualTo("B001");
    hall.callNext(W1);
    hall.finish(W1);
    assertThat(hall.issueFor(PASSPORT, "hash-1").number())
        .as("after service, again")
        .isEqualTo("A002");
  }

  @Test
  void unknown_matters_and_large_groups_are_refused_and_change_nothing() {
    HallDriver hall = HallDriver.openHall();
    hall.issue(PASSPORT);
    String before = hall.state().fingerprint();
    assertThat(hall.rejectionOf(IssueTicket.walkIn(new MatterCode("NOPE"))))
        .isEqualTo(Rejection.UNKNOWN_MATTER);
    assertThat(
            hall.rejectionOf(
                new IssueTicket(
                    PASSPORT, TicketSource.KIOSK, 7, null, null, null, null, null, null)))
        .isEqualTo(Rejection.PARTY_TOO_LARGE);
    assertThat(hall.state().fingerprint()).isEqualTo(before);
  }

  @Test
  void a_green_channel_needs_a_proof_or_a_guides_grant_and_its_period_and_matter() {
    HallDriver hall = HallDriver.openHall();
    assertThat(
            hall.rejectionOf(
                new IssueTicket(
                    ID_CARD, TicketSource.KIOSK, 1, null, GAOKAO, null, null, null, null)))
        .isEqualTo(Rejection.GREEN_CHANNEL_PROOF_MISSING);
    assertThat(
            hall.rejectionOf(
                new IssueTicket(
                    PASSPORT, TicketSource.KIOSK, 1, null, GAOKAO, "准考证", null, null, null)))
        .isEqualTo(Rejection.GREEN_CHANNEL_NOT_FOR_MATTER);
    assertThat(
            hall.rejectionOf(
                new IssueTicket(
                    ID_CARD, TicketSource.KIOSK, 1, null, MIGRANT, "务工证明", null, null, null)))
        .as("Spring Festival channel in November")
        .isEqualTo(Rejection.GREEN_CHANNEL_INACTIVE);
    hall.runAccepted(
        new IssueTicket(ID_CARD, TicketSource.GUIDE, 1, null, GAOKAO, null, "G01", null, null));
    assertThat(hall.issueGreen(ID_CARD, GAOKAO).greenChannel()).isEqualTo(GAOKAO);
  }

  @Test
  void a_green_channel_stops_at_its_daily_quota() {
    HallDriver hall = HallDriver.openHall();
    for (int i = 0; i < 3; i++) {
      hall.issueGreen(ID_CARD, GAOKAO);
    }
    assertThat(
            hall.rejectionOf(
                new IssueTicket(
                    ID_CARD, TicketSource.KIOSK, 1, null, GAOKAO, "准考证", null, null, null)))
        .isEqualTo(Rejection.GREEN_CHANNEL_QUOTA_REACHED);
  }

  @Test
  void an_appointment_ticket_needs_its_slot() {
    HallDriver hall = HallDriver.openHall();
    assertThat(
            hall.rejectionOf(
                new IssueTicket(
                    PASSPORT, TicketSource.APPOINTMENT, 1, null, null, null, null, null, null)))
        .isEqualTo(Rejection.APPOINTMENT_MISSING);
  }
}
