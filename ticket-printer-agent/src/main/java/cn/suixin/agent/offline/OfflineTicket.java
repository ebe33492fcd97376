package cn.suixin.agent.offline;

/** A ticket issued from an offline block; issuedAt is an ISO-8601 instant. */
public record OfflineTicket(String blockId, String number, String matter, String issuedAt) {}
