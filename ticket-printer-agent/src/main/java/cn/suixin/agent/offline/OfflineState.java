package cn.suixin.agent.offline;

import java.util.List;

/** Everything the offline issuer must find again after a restart. */
public record OfflineState(List<BlockUsage> blocks, List<OfflineTicket> notHandedOver) {

  public static final OfflineState EMPTY = new OfflineState(List.of(), List.of());

  public OfflineState {
    blocks = List.copyOf(blocks);
    notHandedOver = List.copyOf(notHandedOver);
  }
}
