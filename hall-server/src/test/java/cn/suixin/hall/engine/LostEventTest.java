package cn.suixin.hall.engine;

import static cn.suixin.hall.engine.TestHall.PASSPORT;
import static cn.suixin.hall.engine.TestHall.W1;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * A journal repaired after bad media holds a lost-event marker where the damaged event was. The
 * hall replays it as nothing, counts it, and never gives out a number the lost event may have.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LostEventTest {

  @Test
  void a_lost_event_is_applied_as_nothing_but_counted() {
    HallDriver hall = HallDriver.openHall();
    Ticket first = hall.issue(PASSPORT);
    Ticket second = hall.issue(PASSPORT);
    Ticket third = hall.issue(PASSPORT);

    HallEngine replayed =
        HallEngine.replay(TestHall.config(), losing(hall.journal, issueOf(hall, second)));

    assertThat(replayed.state().seq()).isEqualTo(hall.state().seq());
    assertThat(replayed.state().ticket(first.id())).isNotNull();
    assertThat(replayed.state().ticket(second.id())).isNull();
    assertThat(replayed.state().ticket(third.id()).number()).isEqualTo("A003");
    assertThat(replayed.state().lostEvents()).isEqualTo(1);
    assertThat(replayed.state().eventsSkippedAfterLoss()).isZero();
  }

  @Test
  void later_events_about_a_ticket_the_lost_event_issued_are_skipped_and_counted() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    Ticket lost = hall.issue(PASSPORT);
    hall.callNext(W1);
    hall.finish(W1);
    Ticket kept = hall.issue(PASSPORT);

    HallEngine replayed =
        HallEngine.replay(TestHall.config(), losing(hall.journal, issueOf(hall, lost)));

    assertThat(replayed.state().eventsSkippedAfterLoss())
        .as("the call and the service of the lost ticket")
        .isEqualTo(3);
    assertThat(replayed.state().window(W1).current()).isNull();
    HallDriver after = new HallDriver(replayed, hall);
    assertThat(after.called(W1).id())
        .as("the window calls on as if nothing else happened")
        .isEqualTo(kept.id());
  }

  @Test
  void numbering_moves_past_a_number_the_lost_event_may_have_issued() {
    HallDriver hall = HallDriver.openHall();
    hall.issue(PASSPORT);
    Ticket last = hall.issue(PASSPORT);

    HallDriver after =
        new HallDriver(
            HallEngine.replay(TestHall.config(), losing(hall.journal, issueOf(hall, last))), hall);

    assertThat(after.issue(PASSPORT).number())
        .as("A002 may be in a citizen's hand")
        .isEqualTo("A003");
  }

  @Test
  void the_counts_survive_a_snapshot_image() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    Ticket lost = hall.issue(PASSPORT);
    hall.callNext(W1);
    HallEngine replayed =
        HallEngine.replay(TestHall.config(), losing(hall.journal, issueOf(hall, lost)));

    HallEngine restored = HallEngine.restore(TestHall.config(), ImageTrip.of(replayed));

    assertThat(restored.state().fingerprint()).isEqualTo(replayed.state().fingerprint());
    assertThat(restored.state().lostEvents()).isEqualTo(1);
    assertThat(restored.state().eventsSkippedAfterLoss()).isEqualTo(1);
  }

  private static int issueOf(HallDriver hall, Ticket ticket) {
    for (int i = 0; i < hall.journal.size(); i++) {
      if (hall.journal.get(i).event() instanceof HallEvent.TicketIssued t
          && t.ticket().equals(ticket.id())) {
        return i;
      }
    }
    throw new IllegalArgumentException("no issue of " + ticket.id());
  }

  /**
   * The journal as a repair leaves it: the event at {@code index} replaced by a marker of its seq.
   */
  private static List<SequencedEvent> losing(List<SequencedEvent> journal, int index) {
    List<SequencedEvent> repaired = new ArrayList<>(journal);
    SequencedEvent damaged = journal.get(index);
    repaired.set(
        index,
        new SequencedEvent(
            damaged.seq(),
            damaged.at(),
            new HallEvent.EventLost("frame failed its checksum; replaced by journal repair")));
    return repaired;
  }
}
