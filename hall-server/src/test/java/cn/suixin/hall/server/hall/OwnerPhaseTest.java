package cn.suixin.hall.server.hall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OwnerPhaseTest {

  @Test
  void a_serving_owner_takes_commands_starts_a_batch_and_answers_queries() {
    assertThat(OwnerPhase.SERVING.takesCommands()).isTrue();
    assertThat(OwnerPhase.SERVING.startsBatches()).isTrue();
    assertThat(OwnerPhase.SERVING.answersQueries()).isTrue();
    assertThat(OwnerPhase.SERVING.holdsTheHall()).isTrue();
  }

  @Test
  void a_writing_owner_queues_commands_for_the_next_batch_and_holds_queries() {
    assertThat(OwnerPhase.WRITING.takesCommands()).isTrue();
    assertThat(OwnerPhase.WRITING.startsBatches()).isFalse();
    assertThat(OwnerPhase.WRITING.answersQueries()).isFalse();
    assertThat(OwnerPhase.WRITING.holdsTheHall()).isTrue();
  }

  @Test
  void a_recovering_or_fenced_off_owner_refuses_commands_and_leaves_no_snapshot() {
    for (OwnerPhase p : new OwnerPhase[] {OwnerPhase.RECOVERING, OwnerPhase.FENCED_OFF}) {
      assertThat(p.takesCommands()).as(p.name()).isFalse();
      assertThat(p.startsBatches()).as(p.name()).isFalse();
      assertThat(p.answersQueries()).as(p.name()).isFalse();
      assertThat(p.holdsTheHall()).as(p.name()).isFalse();
    }
  }
}
