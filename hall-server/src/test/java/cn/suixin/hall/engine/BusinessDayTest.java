package cn.suixin.hall.engine;

import static cn.suixin.hall.engine.TestHall.PASSPORT;
import static cn.suixin.hall.engine.TestHall.W1;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.HallCommand.AdmitOfflineTickets;
import cn.suixin.hall.engine.HallCommand.OfflineTicket;
import cn.suixin.hall.engine.HallCommand.RecordRating;
import cn.suixin.hall.engine.HallCommand.ReserveNumberBlock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BusinessDayTest {

  @Test
  void a_new_business_day_starts_with_empty_queues_while_history_stays_readable() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    Ticket served = hall.issue(PASSPORT);
    Ticket left = hall.issue(PASSPORT);
    hall.callNext(W1);
    hall.finish(W1);
    hall.now = TestHall.DAY.plusDays(1).atTime(9, 5).atZone(TestHall.ZONE).toInstant();
    Ticket tomorrow = hall.issue(PASSPORT);
    assertThat(tomorrow.number()).isEqualTo("A001");
    assertThat(hall.state().businessDay()).isEqualTo(TestHall.DAY.plusDays(1));
    assertThat(hall.state().waiting(PASSPORT)).isEqualTo(1);
    assertThat(hall.state().ticket(served.id()).status()).isEqualTo(TicketStatus.FINISHED);
    assertThat(hall.state().ticket(left.id()).status()).isEqualTo(TicketStatus.EXPIRED);
    assertThat(hall.state().window(W1).clerk()).as("clerks sign in afresh each day").isNull();
  }

  @Test
  void a_week_of_history_stays_readable_and_older_tickets_records_and_blocks_leave_memory() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    Ticket served = hall.issue(PASSPORT);
    hall.callNext(W1);
    hall.finish(W1);
    ServiceRecordId record = hall.state().ticket(served.id()).record();
    Ticket complained = hall.issue(PASSPORT);
    hall.callNext(W1);
    hall.finish(W1);
    ServiceRecordId badRecord = hall.state().ticket(complained.id()).record();
    hall.runAccepted(new RecordRating(badRecord, 1, 0b1, "态度差"));
    long block =
        ((HallEvent.NumberBlockReserved)
                hall.runAccepted(new ReserveNumberBlock(new DeviceId("kiosk-1"), PASSPORT, 5))
                    .events()
                    .get(0)
                    .event())
            .blockId();

    hall.now =
        TestHall.DAY.plusDays(DayTurn.HISTORY_DAYS).atTime(9, 5).atZone(TestHall.ZONE).toInstant();
    hall.issue(PASSPORT);
    assertThat(hall.state().ticket(served.id())).as("a week on, still readable").isNotNull();
    assertThat(hall.state().record(record)).isNotNull();
    assertThat(hall.state().block(block)).isNotNull();

    hall.now =
        TestHall.DAY
            .plusDays(DayTurn.HISTORY_DAYS + 1)
            .atTime(9, 5)
            .atZone(TestHall.ZONE)
            .toInstant();
    hall.issue(PASSPORT);
    assertThat(hall.state().ticket(served.id())).as("gone after a week").isNull();
    assertThat(hall.state().ticket(complained.id())).isNull();
    assertThat(hall.state().record(record)).isNull();
    assertThat(hall.state().block(block)).isNull();
    assertThat(hall.rejectionOf(new RecordRating(record, 5, 0, null)))
        .isEqualTo(Rejection.UNKNOWN_SERVICE_RECORD);
    FollowUp due = hall.state().record(badRecord).followUp();
    assertThat(due.rectifyDue())
        .as("the complaint's record stays while it is to be put right")
        .isAfterOrEqualTo(TestHall.DAY.plusDays(1));
    assertThat(HallEngine.replay(TestHall.config(), hall.journal).state().fingerprint())
        .isEqualTo(hall.state().fingerprint());
  }

  @Test
  void an_offline_number_from_todays_block_is_taken_once_even_if_yesterdays_block_had_it_too() {
    HallDriver hall = HallDriver.openHall();
    DeviceId kiosk = new DeviceId("kiosk-1");
    hall.runAccepted(new ReserveNumberBlock(kiosk, PASSPORT, 3));
    hall.now = TestHall.DAY.plusDays(1).atTime(9, 5).atZone(TestHall.ZONE).toInstant();
    long today =
        ((HallEvent.NumberBlockReserved)
                hall.runAccepted(new ReserveNumberBlock(kiosk, PASSPORT, 3))
                    .events()
                    .get(1)
                    .event())
            .blockId();
    List<OfflineTicket> first = List.of(new OfflineTicket(1, hall.now.minusSeconds(60)));
    hall.runAccepted(new AdmitOfflineTickets(kiosk, today, first));
    assertThat(hall.rejectionOf(new AdmitOfflineTickets(kiosk, today, first)))
        .as("A001 handed over twice on one day")
        .isEqualTo(Rejection.OFFLINE_NUMBER_ALREADY_USED);
  }

  @Test
  void replaying_the_journal_rebuilds_the_same_state() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    hall.issue(PASSPORT);
    hall.issue(PASSPORT);
    hall.callNext(W1);
    hall.later(Duration.ofMinutes(4));
    hall.finish(W1);
    HallEngine replayed = HallEngine.replay(TestHall.config(), hall.journal);
    assertThat(replayed.state().fingerprint()).isEqualTo(hall.state().fingerprint());
  }

  @Test
  void every_event_carries_the_next_sequence_number_and_its_time() {
    HallDriver hall = HallDriver.openHall();
    hall.issue(PASSPORT);
    hall.later(Duration.ofSeconds(5));
    hall.issue(PASSPORT);
    assertThat(hall.journal).extracting(SequencedEvent::seq).containsExactly(1L, 2L, 3L);
    assertThat(hall.journal.get(2).at()).isEqualTo(hall.now);
  }

  @Test
  void offline_numbers_come_from_a_reserved_block_and_are_never_issued_twice() {
    HallDriver hall =
        new HallDriver(TestHall.config(), TestHall.DAY, LocalTime.of(9, 0)).signIn(W1, "001");
    hall.issue(PASSPORT);
    CommandResult reserved =
        hall.runAccepted(new ReserveNumberBlock(new DeviceId("kiosk-1"), PASSPORT, 20));
    HallEvent.NumberBlockReserved block =
        (HallEvent.NumberBlockReserved) reserved.events().get(0).event();
    assertThat(block.from()).isEqualTo(2);
    assertThat(block.to()).isEqualTo(21);
    hall.at(LocalTime.of(9, 20));
    assertThat(hall.issue(PASSPORT).number())
        .as("online numbering skips the block")
        .isEqualTo("A022");
    hall.at(LocalTime.of(9, 30));
    var earlyOffline = hall.state().businessDay().atTime(9, 10).atZone(TestHall.ZONE).toInstant();
    hall.runAccepted(
        new AdmitOfflineTickets(
            new DeviceId("kiosk-1"),
            block.blockId(),
            List.of(
                new OfflineTicket(2, earlyOffline),
                new OfflineTicket(3, earlyOffline.plusSeconds(60)))));
    assertThat(
            hall.rejectionOf(
                new AdmitOfflineTickets(
                    new DeviceId("kiosk-1"),
                    block.blockId(),
                    List.of(new OfflineTicket(3, earlyOffline)))))
        .isEqualTo(Rejection.OFFLINE_NUMBER_ALREADY_USED);
    assertThat(
            hall.rejectionOf(
                new AdmitOfflineTickets(
                    new DeviceId("kiosk-1"),
                    block.blockId(),
                    List.of(new OfflineTicket(40, earlyOffline)))))
        .isEqualTo(Rejection.OFFLINE_NUMBER_OUT_OF_BLOCK);
    assertThat(
            hall.rejectionOf(
                new AdmitOfflineTickets(
                    new DeviceId("kiosk-2"),
                    block.blockId(),
                    List.of(new OfflineTicket(4, earlyOffline)))))
        .isEqualTo(Rejection.INVALID_BLOCK);
    assertThat(hall.callNext(W1).ticket().value()).isEqualTo("20261125-A001");
    hall.finish(W1);
    assertThat(hall.callNext(W1).ticket().value())
        .as("offline tickets join in arrival order")
        .isEqualTo("20261125-A002");
  }
}
