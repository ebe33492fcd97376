package cn.suixin.hall.engine;

import static cn.suixin.hall.engine.TestHall.GAOKAO;
import static cn.suixin.hall.engine.TestHall.ID_CARD;
import static cn.suixin.hall.engine.TestHall.PASSPORT;
import static cn.suixin.hall.engine.TestHall.W1;
import static cn.suixin.hall.engine.TestHall.W2;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.HallCommand.FinishService;
import cn.suixin.hall.engine.HallCommand.MarkNoShow;
import cn.suixin.hall.engine.HallCommand.Recall;
import cn.suixin.hall.engine.HallCommand.RecordRating;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceTest {

  @Test
  void a_called_ticket_can_be_recalled_up_to_the_limit() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    hall.issue(PASSPORT);
    hall.callNext(W1);
    hall.runAccepted(new Recall(W1));
    hall.runAccepted(new Recall(W1));
    assertThat(hall.rejectionOf(new Recall(W1))).isEqualTo(Rejection.RECALL_LIMIT_REACHED);
  }

  @Test
  void a_no_show_goes_back_to_the_queue_once_then_is_gone() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    Ticket first = hall.issue(PASSPORT);
    Ticket second = hall.issue(PASSPORT);
    hall.callNext(W1);
    hall.runAccepted(new MarkNoShow(W1));
    assertThat(first.status()).isEqualTo(TicketStatus.WAITING);
    assertThat(hall.callNext(W1).ticket()).as("back with its arrival").isEqualTo(first.id());
    hall.runAccepted(new MarkNoShow(W1));
    assertThat(first.status()).isEqualTo(TicketStatus.NO_SHOW);
    assertThat(hall.callNext(W1).ticket()).isEqualTo(second.id());
  }

  @Test
  void finishing_opens_a_service_record_with_the_clerk_and_the_outcome() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "007");
    Ticket t = hall.issue(PASSPORT);
    hall.callNext(W1);
    hall.runAccepted(new HallCommand.StartService(W1));
    hall.runAccepted(
        new FinishService(
            W1, new Outcome.PendingMaterials(List.of("户口簿复印件"), TestHall.DAY.plusDays(5))));
    ServiceRecord r = hall.state().record(t.record());
    assertThat(r.clerk().staffNo()).isEqualTo("007");
    assertThat(r.outcome()).isInstanceOf(Outcome.PendingMaterials.class);
    assertThat(hall.state().window(W1).current()).isNull();
  }

  @Test
  void an_incomplete_outcome_is_refused() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    hall.issue(PASSPORT);
    hall.callNext(W1);
    assertThat(
            hall.rejectionOf(
                new FinishService(W1, new Outcome.PendingMaterials(List.of(), TestHall.DAY))))
        .isEqualTo(Rejection.INVALID_OUTCOME);
    assertThat(
            hall.rejectionOf(
                new FinishService(
                    W1, new Outcome.PendingMaterials(List.of("照片"), LocalDate.of(2020, 1, 1)))))
        .isEqualTo(Rejection.INVALID_OUTCOME);
    assertThat(hall.rejectionOf(new FinishService(W1, new Outcome.NotDone(" "))))
        .isEqualTo(Rejection.REASON_REQUIRED);
    hall.runAccepted(new FinishService(W1, new Outcome.NotDone("系统无法查询外省户籍")));
  }

  @Test
  void a_parked_ticket_frees_the_window_and_comes_back_to_it() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    Ticket photo = hall.issue(PASSPORT);
    Ticket next = hall.issue(PASSPORT);
    hall.callNext(W1);
    hall.runAccepted(new HallCommand.StartService(W1));
    hall.runAccepted(new HallCommand.Park(W1));
    assertThat(photo.status()).isEqualTo(TicketStatus.PARKED);
    assertThat(hall.callNext(W1).ticket()).isEqualTo(next.id());
    assertThat(hall.rejectionOf(new HallCommand.ResumeParked(W1, photo.id())))
        .isEqualTo(Rejection.WINDOW_BUSY);
    hall.finish(W1);
    hall.runAccepted(new HallCommand.ResumeParked(W1, photo.id()));
    assertThat(photo.status()).isEqualTo(TicketStatus.SERVING);
    hall.finish(W1);
    assertThat(photo.status()).isEqualTo(TicketStatus.FINISHED);
  }

  @Test
  void a_guide_redirects_a_waiting_ticket_keeping_its_place_in_time() {
    HallDriver hall = HallDriver.openHall().signIn(W2, "002");
    Ticket wrong = hall.issue(PASSPORT);
    Ticket idCard = hall.issue(ID_CARD);
    assertThat(hall.rejectionOf(new HallCommand.Redirect(wrong.id(), ID_CARD, "", "G01")))
        .isEqualTo(Rejection.REASON_REQUIRED);
    hall.runAccepted(new HallCommand.Redirect(wrong.id(), ID_CARD, "应先办身份证", "G01"));
    assertThat(hall.state().waiting(PASSPORT)).isZero();
    assertThat(hall.callNext(W2).ticket()).isEqualTo(wrong.id());
    assertThat(idCard.status()).isEqualTo(TicketStatus.WAITING);
  }

  @Test
  void a_guide_grants_a_green_channel_to_a_waiting_ticket() {
    HallDriver hall = HallDriver.openHall().signIn(W2, "002");
    hall.issue(ID_CARD);
    Ticket student = hall.issue(ID_CARD);
    hall.runAccepted(new HallCommand.GrantGreenChannel(student.id(), GAOKAO, "G01", "考生持准考证"));
    assertThat(hall.callNext(W2).ticket()).isEqualTo(student.id());
  }

  @Test
  void a_cancelled_ticket_leaves_the_queue() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    Ticket gone = hall.issue(PASSPORT);
    Ticket stays = hall.issue(PASSPORT);
    hall.runAccepted(new HallCommand.CancelTicket(gone.id(), "群众离开"));
    assertThat(hall.callNext(W1).ticket()).isEqualTo(stays.id());
    assertThat(hall.rejectionOf(new HallCommand.CancelTicket(stays.id(), "")))
        .isEqualTo(Rejection.WRONG_TICKET_STATE);
  }

  @Test
  void a_clerk_is_signed_in_at_one_window_at_a_time() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    assertThat(hall.rejectionOf(new HallCommand.SignIn(W1, new Clerk("002", "李四"))))
        .isEqualTo(Rejection.WINDOW_HAS_CLERK);
    hall.signIn(W2, "001");
    assertThat(hall.state().window(W1).clerk()).isNull();
    assertThat(hall.state().window(W2).clerk().staffNo()).isEqualTo("001");
    hall.runAccepted(new HallCommand.SignOut(W2));
    assertThat(hall.rejectionOf(new HallCommand.SignOut(W2))).isEqualTo(Rejection.NOT_SIGNED_IN);
  }

  @Test
  void one_rating_per_service_and_a_bad_review_opens_a_follow_up() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    Ticket t = hall.issue(PASSPORT);
    hall.callNext(W1);
    hall.runAccepted(new HallCommand.StartService(W1));
    assertThat(hall.rejectionOf(new RecordRating(t.record(), 5, 0, null)))
        .isEqualTo(Rejection.SERVICE_NOT_FINISHED);
    hall.finish(W1);
    assertThat(hall.rejectionOf(new RecordRating(t.record(), 2, 0, "")))
        .isEqualTo(Rejection.BAD_RATING_NEEDS_REASON);
    assertThat(hall.rejectionOf(new RecordRating(t.record(), 6, 0, "")))
        .isEqualTo(Rejection.RATING_OUT_OF_RANGE);
    hall.runAccepted(new RecordRating(t.record(), 2, 0b10, "等待太久"));
    FollowUp f = hall.state().record(t.record()).followUp();
    assertThat(f.callbackDue()).as("Wednesday + 1 working day").isEqualTo(TestHall.DAY.plusDays(1));
    assertThat(f.rectifyDue()).isEqualTo(TestHall.DAY.plusDays(15));
    assertThat(hall.rejectionOf(new RecordRating(t.record(), 5, 0, null)))
        .isEqualTo(Rejection.ALREADY_RATED);
  }

  @Test
  void a_friday_bad_review_is_called_back_on_monday() {
    assertThat(RatingDesk.plusWorkingDays(LocalDate.of(2026, 11, 27), 1))
        .isEqualTo(LocalDate.of(2026, 11, 30));
  }
}
