package cn.suixin.hall.engine;

import static cn.suixin.hall.engine.TestHall.GAOKAO;
import static cn.suixin.hall.engine.TestHall.ID_CARD;
import static cn.suixin.hall.engine.TestHall.PASSPORT;
import static cn.suixin.hall.engine.TestHall.VEHICLE;
import static cn.suixin.hall.engine.TestHall.W1;
import static cn.suixin.hall.engine.TestHall.W2;
import static cn.suixin.hall.engine.TestHall.W3;
import static cn.suixin.hall.engine.TestHall.W9;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.HallCommand.CallNext;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CallNextTest {

  @Test
  void a_window_calls_only_the_matters_it_serves() {
    HallDriver hall = HallDriver.openHall().signIn(W3, "003");
    hall.issue(PASSPORT);
    assertThat(hall.rejectionOf(new CallNext(W3))).isEqualTo(Rejection.NO_WAITING_TICKET);
    Ticket vehicle = hall.issue(VEHICLE);
    assertThat(hall.called(W3).id()).isEqualTo(vehicle.id());
  }

  @Test
  void the_heavier_matter_wins_when_waits_are_alike() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    Ticket idCard = hall.issue(ID_CARD);
    hall.later(Duration.ofSeconds(30));
    Ticket passport = hall.issue(PASSPORT);
    hall.later(Duration.ofSeconds(60));
    // passport: weight 5 x 60 s beats ID card: weight 3 x 90 s
    HallEvent.TicketCalled call = hall.callNext(W1);
    assertThat(call.ticket()).isEqualTo(passport.id());
    assertThat(call.rule()).isEqualTo(PickRule.WEIGHTED_WAIT);
    hall.finish(W1);
    assertThat(hall.callNext(W1).ticket()).isEqualTo(idCard.id());
  }

  @Test
  void a_long_wait_beats_a_heavier_weight() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    Ticket idCard = hall.issue(ID_CARD);
    hall.later(Duration.ofMinutes(20));
    hall.issue(PASSPORT);
    hall.later(Duration.ofMinutes(1));
    assertThat(hall.callNext(W1).ticket()).isEqualTo(idCard.id());
  }

  @Test
  void green_channel_ticket_is_called_before_an_earlier_regular_one() {
    HallDriver hall = HallDriver.openHall().signIn(W2, "002");
    hall.issue(ID_CARD);
    Ticket green = hall.issueGreen(ID_CARD, GAOKAO);
    HallEvent.TicketCalled call = hall.callNext(W2);
    assertThat(call.ticket()).isEqualTo(green.id());
    assertThat(call.rule()).isEqualTo(PickRule.GREEN_CHANNEL);
  }

  @Test
  void green_channel_yields_to_a_regular_ticket_that_waited_past_the_bound() {
    HallDriver hall = HallDriver.openHall().signIn(W2, "002");
    Ticket regular = hall.issue(ID_CARD);
    hall.later(Duration.ofMinutes(25));
    hall.issueGreen(ID_CARD, GAOKAO);
    hall.issueGreen(ID_CARD, GAOKAO);
    hall.issueGreen(ID_CARD, GAOKAO);
    assertThat(hall.callNext(W2).rule()).isEqualTo(PickRule.GREEN_CHANNEL);
    hall.finish(W2);
    assertThat(hall.callNext(W2).rule()).isEqualTo(PickRule.GREEN_CHANNEL);
    hall.finish(W2);
    HallEvent.TicketCalled third = hall.callNext(W2);
    assertThat(third.ticket())
        .as("two green in a row is the channel's limit")
        .isEqualTo(regular.id());
    assertThat(third.rule()).isEqualTo(PickRule.FAIRNESS_BOUND);
    hall.finish(W2);
    assertThat(hall.callNext(W2).rule()).isEqualTo(PickRule.GREEN_CHANNEL);
  }

  @Test
  void green_channel_runs_on_while_regular_tickets_are_within_the_bound() {
    HallDriver hall = HallDriver.openHall().signIn(W2, "002");
    hall.issue(ID_CARD);
    for (int i = 0; i < 3; i++) {
      hall.issueGreen(ID_CARD, GAOKAO);
    }
    for (int i = 0; i < 3; i++) {
      assertThat(hall.callNext(W2).rule()).isEqualTo(PickRule.GREEN_CHANNEL);
      hall.finish(W2);
    }
  }

  @Test
  void an_appointment_inside_its_slot_goes_first_but_not_before_it() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    hall.at(LocalTime.of(9, 30));
    Ticket walkIn = hall.issue(PASSPORT);
    Ticket booked = hall.issueAppointment(PASSPORT, LocalTime.of(10, 0));
    hall.at(LocalTime.of(9, 40));
    assertThat(hall.callNext(W1).ticket()).as("slot not yet on").isEqualTo(walkIn.id());
    hall.finish(W1);
    hall.issue(PASSPORT);
    hall.at(LocalTime.of(9, 55));
    HallEvent.TicketCalled call = hall.callNext(W1);
    assertThat(call.ticket()).isEqualTo(booked.id());
    assertThat(call.rule()).isEqualTo(PickRule.APPOINTMENT_IN_SLOT);
  }

  @Test
  void a_missed_appointment_waits_with_everyone_in_arrival_order() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    hall.at(LocalTime.of(9, 0));
    Ticket booked = hall.issueAppointment(PASSPORT, LocalTime.of(9, 0));
    hall.at(LocalTime.of(9, 10));
    Ticket walkIn = hall.issue(PASSPORT);
    hall.at(LocalTime.of(11, 0));
    HallEvent.TicketCalled call = hall.callNext(W1);
    assertThat(call.ticket()).isEqualTo(booked.id());
    assertThat(call.rule()).isEqualTo(PickRule.WEIGHTED_WAIT);
    hall.finish(W1);
    assertThat(hall.callNext(W1).ticket()).isEqualTo(walkIn.id());
  }

  @Test
  void a_paused_closed_unstaffed_or_busy_window_gets_nothing() {
    HallDriver hall = HallDriver.openHall();
    hall.issue(PASSPORT);
    hall.issue(PASSPORT);
    assertThat(hall.rejectionOf(new CallNext(W1))).isEqualTo(Rejection.WINDOW_UNSTAFFED);
    hall.signIn(W1, "001");
    hall.runAccepted(new HallCommand.PauseWindow(W1, "系统故障"));
    assertThat(hall.rejectionOf(new CallNext(W1))).isEqualTo(Rejection.WINDOW_PAUSED);
    hall.runAccepted(new HallCommand.ResumeWindow(W1));
    hall.runAccepted(new HallCommand.CloseWindow(W1, "午休"));
    assertThat(hall.rejectionOf(new CallNext(W1))).isEqualTo(Rejection.WINDOW_CLOSED);
    hall.runAccepted(new HallCommand.OpenWindow(W1));
    hall.callNext(W1);
    assertThat(hall.rejectionOf(new CallNext(W1))).isEqualTo(Rejection.WINDOW_BUSY);
    assertThat(hall.state().waiting(PASSPORT)).isEqualTo(1);
  }

  @Test
  void a_window_with_its_own_hours_stops_calling_outside_them() {
    HallDriver hall = HallDriver.openHall().signIn(W9, "009");
    hall.issue(PASSPORT);
    hall.at(LocalTime.of(14, 0));
    assertThat(hall.rejectionOf(new CallNext(W9))).isEqualTo(Rejection.WINDOW_OUTSIDE_HOURS);
  }

  @Test
  void tickets_taken_before_closing_are_still_called_after_it() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    hall.at(LocalTime.of(17, 29));
    Ticket late = hall.issue(PASSPORT);
    hall.at(LocalTime.of(17, 45));
    assertThat(hall.callNext(W1).ticket()).isEqualTo(late.id());
  }

  @Test
  void a_transferred_ticket_keeps_its_original_arrival() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001").signIn(W2, "002");
    Ticket early = hall.issue(PASSPORT);
    hall.later(Duration.ofMinutes(5));
    Ticket idCard = hall.issue(ID_CARD);
    hall.callNext(W1);
    hall.runAccepted(new HallCommand.Transfer(W1, ID_CARD, null, "需先换领身份证"));
    assertThat(hall.state().ticket(early.id()).matter()).isEqualTo(ID_CARD);
    assertThat(hall.state().ahead(hall.state().ticket(idCard.id()))).isEqualTo(1);
    assertThat(hall.callNext(W2).ticket()).as("arrived first, called first").isEqualTo(early.id());
  }

  @Test
  void a_ticket_transferred_to_a_window_is_called_there_first() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001").signIn(W2, "002");
    hall.issue(ID_CARD);
    Ticket passport = hall.issue(PASSPORT);
    hall.callNext(W1);
    hall.finish(W1);
    hall.issue(ID_CARD);
    hall.runAccepted(new HallCommand.CallNext(W1));
    Ticket atW1 = hall.state().window(W1).current();
    hall.runAccepted(new HallCommand.Transfer(W1, null, W2, "请到2号窗口"));
    HallEvent.TicketCalled call = hall.callNext(W2);
    assertThat(call.ticket()).isEqualTo(atW1.id());
    assertThat(call.rule()).isEqualTo(PickRule.DIRECTED_TO_WINDOW);
    assertThat(passport.status()).isEqualTo(TicketStatus.FINISHED);
  }

  @Test
  void a_supervisor_remap_changes_what_a_window_calls() {
    HallDriver hall = HallDriver.openHall().signIn(W3, "003");
    Ticket passport = hall.issue(PASSPORT);
    assertThat(hall.rejectionOf(new CallNext(W3))).isEqualTo(Rejection.NO_WAITING_TICKET);
    hall.runAccepted(new HallCommand.RemapWindow(W3, Map.of(PASSPORT, 5, VEHICLE, 5)));
    assertThat(hall.callNext(W3).ticket()).isEqualTo(passport.id());
    assertThat(hall.rejectionOf(new HallCommand.RemapWindow(W3, Map.of(PASSPORT, 11))))
        .isEqualTo(Rejection.INVALID_WEIGHT);
  }
}
