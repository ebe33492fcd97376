package cn.suixin.agent.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issues numbers from server-reserved blocks while the server is unreachable. Pure: time and the
 * business day come in, and the state to persist goes out with each issued ticket, so the caller
 * can store it before printing. A number, once issued, is never issued again, and tickets are
 * handed over in the order they were issued.
 */
public final class OfflineIssuer {

  private final Map<String, BlockUsage> blocks = new LinkedHashMap<>();
  private final List<OfflineTicket> notHandedOver = new ArrayList<>();

  public OfflineIssuer(OfflineState state) {
    state.blocks().forEach(b -> blocks.put(b.block().id(), b));
    notHandedOver.addAll(state.notHandedOver());
  }

  /** Adds a block; a block already known keeps its progress, so a resent block reuses nothing. */
  public OfflineState addBlock(OfflineBlock block) {
    blocks.putIfAbsent(block.id(), new BlockUsage(block, block.from()));
    return state();
  }

  public OfflineDecision issue(String matter, String businessDay, String issuedAt) {
    boolean any = false;
    for (BlockUsage u : blocks.values()) {
      OfflineBlock b = u.block();
      if (!b.matter().equals(matter) || !b.businessDay().equals(businessDay)) {
        continue;
      }
      any = true;
      if (u.remaining() > 0) {
        blocks.put(b.id(), new BlockUsage(b, u.next() + 1));
        OfflineTicket t = new OfflineTicket(b.id(), b.format(u.next()), matter, issuedAt);
        notHandedOver.add(t);
        return new OfflineDecision.Issued(t, state());
      }
    }
    return new OfflineDecision.Rejected(
        any ? OfflineRejection.BLOCKS_EXHAUSTED : OfflineRejection.NO_BLOCK);
  }

  /** Numbers left for a matter today, to decide when to ask the server for another block. */
  public int remaining(String matter, String businessDay) {
    return blocks.values().stream()
        .filter(
            u -> u.block().matter().equals(matter) && u.block().businessDay().equals(businessDay))
        .mapToInt(BlockUsage::remaining)
        .sum();
  }

  /** Tickets the server has not taken yet, grouped per block, each group in issue order. */
  public Map<String, List<OfflineTicket>> pendingHandover() {
    Map<String, List<OfflineTicket>> byBlock = new LinkedHashMap<>();
    for (OfflineTicket t : notHandedOver) {
      byBlock.computeIfAbsent(t.blockId(), k -> new ArrayList<>()).add(t);
    }
    return byBlock;
  }

  /** The tickets are safely in the outbox; forget them here. */
  public OfflineState handedOver(List<OfflineTicket> tickets) {
    notHandedOver.removeAll(tickets);
    return state();
  }

  /** Drops blocks of past days once all their tickets are handed over. */
  public OfflineState forgetDaysBefore(String businessDay) {
    blocks
        .values()
        .removeIf(
            u ->
                u.block().businessDay().compareTo(businessDay) < 0
                    && notHandedOver.stream().noneMatch(t -> t.blockId().equals(u.block().id())));
    return state();
  }

  public OfflineState state() {
    return new OfflineState(new ArrayList<>(blocks.values()), notHandedOver);
  }
}
