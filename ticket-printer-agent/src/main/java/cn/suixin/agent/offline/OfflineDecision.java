package cn.suixin.agent.offline;

/** The outcome of asking for an offline number. */
public sealed interface OfflineDecision {

  record Issued(OfflineTicket ticket, OfflineState state) implements OfflineDecision {}

  record Rejected(OfflineRejection reason) implements OfflineDecision {}
}
