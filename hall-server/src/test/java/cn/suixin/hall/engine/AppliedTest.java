package cn.suixin.hall.engine;

import static cn.suixin.hall.engine.TestHall.ID_CARD;
import static cn.suixin.hall.engine.TestHall.PASSPORT;
import static cn.suixin.hall.engine.TestHall.W1;
import static cn.suixin.hall.engine.TestHall.W2;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The applier says what each event changed, so that the live feed and the replies send the entries
 * of exactly those tickets, windows and matters without working it out again.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AppliedTest {

  @Test
  void an_issued_ticket_changes_its_matter_queue_and_no_window() {
    HallDriver hall = HallDriver.openHall();
    Applied issued = last(hall.runAccepted(HallCommand.IssueTicket.walkIn(PASSPORT)));

    assertThat(issued.tickets()).hasSize(1);
    assertThat(issued.ticket()).isEqualTo(hall.state().tickets().iterator().next().id());
    assertThat(issued.matters()).containsExactly(PASSPORT);
    assertThat(issued.windows()).isEmpty();
    assertThat(issued.records()).isEmpty();
  }

  @Test
  void a_call_changes_the_ticket_its_matter_and_the_calling_window() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    Ticket t = hall.issue(PASSPORT);
    Applied call = last(hall.runAccepted(new HallCommand.CallNext(W1)));

    assertThat(call.tickets()).containsExactly(t.id());
    assertThat(call.matters()).containsExactly(PASSPORT);
    assertThat(call.windows()).containsExactly(W1);
  }

  @Test
  void finishing_an_uncalled_service_names_the_record_it_opened_and_ended() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    hall.issue(PASSPORT);
    hall.callNext(W1);
    CommandResult finish = hall.runAccepted(new HallCommand.FinishService(W1, new Outcome.Done()));

    assertThat(finish.applied()).hasSize(2);
    ServiceRecordId record =
        ((HallEvent.ServiceStarted) finish.applied().get(0).event().event()).record();
    assertThat(finish.applied())
        .allSatisfy(
            a -> {
              assertThat(a.records()).containsExactly(record);
              assertThat(a.windows()).containsExactly(W1);
            });
  }

  @Test
  void a_transfer_to_a_window_names_the_window_it_waits_for_then_the_one_it_left() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001").signIn(W2, "002");
    hall.issue(ID_CARD);
    hall.callNext(W1);
    hall.runAccepted(new HallCommand.StartService(W1));
    ServiceRecordId serving = hall.state().window(W1).current().record();
    Applied transfer = last(hall.runAccepted(new HallCommand.Transfer(W1, null, W2, "专窗")));

    assertThat(transfer.windows()).containsExactly(W2, W1);
    assertThat(transfer.records())
        .as("the service it ended")
        .containsExactly(serving)
        .doesNotContainNull();
  }

  @Test
  void a_redirect_changes_both_queues_the_new_one_first() {
    HallDriver hall = HallDriver.openHall();
    Ticket t = hall.issue(PASSPORT);
    Applied redirect =
        last(hall.runAccepted(new HallCommand.Redirect(t.id(), ID_CARD, "走错", "G1")));

    assertThat(redirect.matters()).containsExactly(ID_CARD, PASSPORT);
  }

  @Test
  void staffing_a_window_changes_every_matter_it_serves_listed_by_code() {
    HallDriver hall = HallDriver.openHall();
    Applied signIn = last(hall.runAccepted(new HallCommand.SignIn(W1, new Clerk("001", "张三"))));

    assertThat(signIn.tickets()).isEmpty();
    assertThat(signIn.windows()).containsExactly(W1);
    assertThat(signIn.matters())
        .containsExactly(PASSPORT, ID_CARD)
        .isSortedAccordingTo(Comparable::compareTo);
  }

  @Test
  void replaying_the_journal_reports_the_same_changes_as_deciding_did() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    List<Applied> live = new ArrayList<>();
    live.addAll(hall.runAccepted(HallCommand.IssueTicket.walkIn(PASSPORT)).applied());
    live.addAll(hall.runAccepted(new HallCommand.CallNext(W1)).applied());
    live.addAll(hall.runAccepted(new HallCommand.FinishService(W1, new Outcome.Done())).applied());
    live.addAll(hall.runAccepted(new HallCommand.PauseWindow(W1, "午休")).applied());

    HallEngine replayed = new HallEngine(TestHall.config());
    List<Applied> again = new ArrayList<>();
    hall.journal.forEach(se -> again.add(replayed.apply(se)));

    assertThat(again.subList(again.size() - live.size(), again.size())).isEqualTo(live);
  }

  @Test
  void an_event_skipped_after_a_loss_changed_nothing() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    hall.issue(PASSPORT);
    hall.callNext(W1);
    HallEngine replayed = new HallEngine(TestHall.config());
    List<Applied> applied = new ArrayList<>();
    for (SequencedEvent se : hall.journal) {
      boolean issue = se.event() instanceof HallEvent.TicketIssued;
      applied.add(
          replayed.apply(
              issue ? new SequencedEvent(se.seq(), se.at(), new HallEvent.EventLost("test")) : se));
    }

    Applied call = applied.get(applied.size() - 1);
    assertThat(call.event().event()).isInstanceOf(HallEvent.TicketCalled.class);
    assertThat(call.tickets()).isEmpty();
    assertThat(call.windows()).isEmpty();
    assertThat(call.matters()).isEmpty();
    assertThat(replayed.state().eventsSkippedAfterLoss()).isEqualTo(1);
  }

  private static Applied last(CommandResult r) {
    return r.applied().get(r.applied().size() - 1);
  }
}
