package cn.suixin.hall.engine;

import static cn.suixin.hall.engine.TestHall.PASSPORT;
import static cn.suixin.hall.engine.TestHall.W1;
import static cn.suixin.hall.engine.TestHall.W2;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.HallCommand.CallNext;
import cn.suixin.hall.engine.HallCommand.FinishService;
import cn.suixin.hall.engine.HallCommand.PauseWindow;
import cn.suixin.hall.engine.HallCommand.SignIn;
import cn.suixin.hall.engine.HallCommand.SignOut;
import cn.suixin.hall.engine.config.WindowId;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OwnWindowTest {
  private static final Asker CLERK_001 = Asker.clerk("001");
  private static final Asker CLERK_002 = Asker.clerk("002");

  @Test
  void a_clerk_calls_the_next_ticket_at_the_window_they_are_signed_in_at() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    Ticket t = hall.issue(PASSPORT);
    CommandResult r = hall.runAs(CLERK_001, new CallNext(W1));
    assertThat(r.rejection()).isNull();
    assertThat(hall.state().window(W1).current().id()).isEqualTo(t.id());
  }

  @Test
  void a_clerk_cannot_call_at_a_colleagues_window_and_nothing_changes_there() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001").signIn(W2, "002");
    Ticket t = hall.issue(PASSPORT);
    assertThat(hall.rejectionOf(CLERK_002, new CallNext(W1))).isEqualTo(Rejection.NOT_YOUR_WINDOW);
    assertThat(hall.state().window(W1).current()).isNull();
    assertThat(t.status()).isEqualTo(TicketStatus.WAITING);
  }

  @Test
  void a_clerk_cannot_sign_out_or_pause_a_colleague() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    assertThat(hall.rejectionOf(CLERK_002, new SignOut(W1))).isEqualTo(Rejection.NOT_YOUR_WINDOW);
    assertThat(hall.rejectionOf(CLERK_002, new PauseWindow(W1, "午休")))
        .isEqualTo(Rejection.NOT_YOUR_WINDOW);
    assertThat(hall.state().window(W1).clerk().staffNo()).isEqualTo("001");
  }

  @Test
  void a_clerk_cannot_serve_at_a_window_nobody_is_signed_in_at() {
    HallDriver hall = HallDriver.openHall();
    hall.issue(PASSPORT);
    assertThat(hall.rejectionOf(CLERK_001, new CallNext(W1))).isEqualTo(Rejection.NOT_YOUR_WINDOW);
    assertThat(hall.rejectionOf(CLERK_001, new FinishService(W1, new Outcome.Done())))
        .isEqualTo(Rejection.NOT_YOUR_WINDOW);
  }

  @Test
  void signing_in_is_how_a_clerk_takes_a_free_window() {
    HallDriver hall = HallDriver.openHall();
    CommandResult r = hall.runAs(CLERK_001, new SignIn(W1, new Clerk("001", "张三")));
    assertThat(r.rejection()).isNull();
    assertThat(hall.runAs(CLERK_001, new SignOut(W1)).rejection()).isNull();
  }

  @Test
  void a_supervisor_pauses_a_window_whoever_is_signed_in_there() {
    HallDriver hall = HallDriver.openHall().signIn(W1, "001");
    assertThat(hall.runAs(Asker.ANYONE, new PauseWindow(W1, "系统维护")).rejection()).isNull();
  }

  @Test
  void a_window_the_hall_does_not_have_is_refused_as_unknown_not_as_someone_elses() {
    HallDriver hall = HallDriver.openHall();
    assertThat(hall.rejectionOf(CLERK_001, new CallNext(new WindowId("99"))))
        .isEqualTo(Rejection.UNKNOWN_WINDOW);
  }
}
