package cn.suixin.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfflineIssuerTest {

  private static final String DAY = "2026-11-27";
  private static final OfflineBlock SMALL = new OfflineBlock("b1", "hj", "A", 901, 902, DAY);
  private static final OfflineBlock NEXT = new OfflineBlock("b2", "hj", "A", 951, 999, DAY);

  @Test
  void numbers_come_from_the_block_in_order() {
    OfflineIssuer issuer = new OfflineIssuer(OfflineState.EMPTY);
    issuer.addBlock(SMALL);
    assertThat(number(issuer.issue("hj", DAY, "t1"))).isEqualTo("A901");
    assertThat(number(issuer.issue("hj", DAY, "t2"))).isEqualTo("A902");
    assertThat(issuer.issue("hj", DAY, "t3"))
        .isEqualTo(new OfflineDecision.Rejected(OfflineRejection.BLOCKS_EXHAUSTED));
  }

  @Test
  void a_used_up_block_gives_way_to_the_next() {
    OfflineIssuer issuer = new OfflineIssuer(OfflineState.EMPTY);
    issuer.addBlock(SMALL);
    issuer.addBlock(NEXT);
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      numbers.add(number(issuer.issue("hj", DAY, "t" + i)));
    }
    assertThat(numbers).containsExactly("A901", "A902", "A951", "A952");
    assertThat(issuer.remaining("hj", DAY)).isEqualTo(47);
  }

  @Test
  void no_block_for_the_matter_or_the_day_is_a_rejection() {
    OfflineIssuer issuer = new OfflineIssuer(OfflineState.EMPTY);
    issuer.addBlock(SMALL);
    assertThat(issuer.issue("crj", DAY, "t"))
        .isEqualTo(new OfflineDecision.Rejected(OfflineRejection.NO_BLOCK));
    assertThat(issuer.issue("hj", "2026-11-28", "t"))
        .isEqualTo(new OfflineDecision.Rejected(OfflineRejection.NO_BLOCK));
  }

  @Test
  void a_restart_from_the_saved_state_never_repeats_a_number() {
    OfflineIssuer first = new OfflineIssuer(OfflineState.EMPTY);
    first.addBlock(NEXT);
    OfflineState saved = ((OfflineDecision.Issued) first.issue("hj", DAY, "t")).state();
    OfflineIssuer second = new OfflineIssuer(saved);
    second.addBlock(NEXT); // the server resends the block: progress is kept
    assertThat(number(second.issue("hj", DAY, "t"))).isEqualTo("A952");
  }

  @Test
  void every_number_of_a_block_is_issued_exactly_once() {
    OfflineIssuer issuer = new OfflineIssuer(OfflineState.EMPTY);
    issuer.addBlock(NEXT);
    Set<String> seen = new HashSet<>();
    OfflineDecision d;
    while ((d = issuer.issue("hj", DAY, "t")) instanceof OfflineDecision.Issued i) {
      assertThat(seen.add(i.ticket().number())).isTrue();
    }
    assertThat(seen).hasSize(49);
  }

  @Test
  void handover_lists_tickets_per_block_in_issue_order_and_forgets_them() {
    OfflineIssuer issuer = new OfflineIssuer(OfflineState.EMPTY);
    issuer.addBlock(SMALL);
    issuer.addBlock(new OfflineBlock("c1", "crj", "C", 1, 50, DAY));
    issuer.issue("hj", DAY, "t1");
    issuer.issue("crj", DAY, "t2");
    issuer.issue("hj", DAY, "t3");
    var pending = issuer.pendingHandover();
    assertThat(pending.keySet()).containsExactly("b1", "c1");
    assertThat(pending.get("b1")).extracting(OfflineTicket::number).containsExactly("A901", "A902");
    assertThat(pending.get("c1")).extracting(OfflineTicket::number).containsExactly("C001");
    issuer.handedOver(pending.get("b1"));
    assertThat(issuer.pendingHandover().keySet()).containsExactly("c1");
  }

  private static String number(OfflineDecision d) {
    return ((OfflineDecision.Issued) d).ticket().number();
  }
}
